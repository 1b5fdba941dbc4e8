using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Contracts.V1;
using MuScore.Store.Audit;

namespace MuScore.Cli.Auditing;

/// <summary>How "muscore audit list" prints events.</summary>
internal enum AuditListFormat
{
    /// <summary>One readable line per event (<see cref="AuditEventText"/>).</summary>
    Text,

    /// <summary>One JSON object per line, keys in a fixed order (<see cref="AuditEventJson"/>).</summary>
    Jsonl,
}

/// <summary>The checked options of "muscore audit list": the server, the filters as a request, and how to print.</summary>
internal sealed record AuditListOptions(ConnectionOptions Connection, ListAuditEventsRequest Request, AuditListFormat Format, bool Detail)
{
    /// <summary>Most events one call may ask for (the server's own bound).</summary>
    public const int MaxLimit = 100_000;

    /// <summary>The kinds the server writes, in the order docs/audit.md lists them.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        [
            AuditKinds.RunSubmitted, AuditKinds.RunPublished, AuditKinds.RunRollback, AuditKinds.CallRefused, AuditKinds.ServerStarted, AuditKinds.ReadsCounted,
            AuditKinds.NoticeStarted, AuditKinds.ObjectionFiled, AuditKinds.ObjectionDecided, AuditKinds.RunCorrected,
            AuditKinds.AdjustmentProposed, AuditKinds.AdjustmentApproved, AuditKinds.ReviewFinalized,
        ];

    // A time is read the way it is written in docs/audit.md; no offset means UTC. Exact formats
    // only: a lenient parse would read "03/01/2025" as 1 March or 3 January by the machine's culture.
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>The options of the list action (--server is checked by <see cref="From"/>, so that verify may go without it).</summary>
    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        OptionSpec.Value("server", "URL", "list: the MuScore server, e.g. https://muscore.example:5443 (required)"),
        OptionSpec.Value("since", "TIME", "list: only events at or after TIME (2025-03-01 or 2025-03-01T08:30:00+08:00; no offset is UTC)"),
        OptionSpec.Value("until", "TIME", "list: only events before TIME"),
        OptionSpec.Value("caller", "ID", "list: only events of this caller id (exact)"),
        OptionSpec.Value("region", "PREFIX", "list: only events of regions starting with PREFIX (2, 4 or 6 digits)"),
        OptionSpec.Values("kind", "KIND", $"list: only these kinds ({string.Join(", ", Kinds)}); repeatable"),
        OptionSpec.Value("after", "SEQ", "list: only events after sequence number SEQ (to continue a listing)"),
        OptionSpec.Value("limit", "N", FormattableString.Invariant($"list: at most N events (1..{MaxLimit}; default 1000)")),
        OptionSpec.Value("format", "text|jsonl", "list: one readable line per event (default), or one JSON object per line"),
        OptionSpec.Flag("detail", "list, text format: end each line with the event's detail (JSON)"),
        .. ConnectionOptions.CredentialSpecs,
    ];

    /// <exception cref="CommandFailure">A value is missing or malformed (exit code 2, with usage).</exception>
    public static AuditListOptions From(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (!args.Has("server"))
        {
            throw CommandFailure.Usage("missing --server URL");
        }

        var connection = ConnectionOptions.From(args);
        var request = new ListAuditEventsRequest();
        var since = Time(args, "since");
        var until = Time(args, "until");
        if (since is not null && until is not null && since >= until)
        {
            throw CommandFailure.Usage($"--until '{args.Value("until")}' must be after --since '{args.Value("since")}'");
        }

        request.Since = since is { } s ? Timestamp.FromDateTimeOffset(s) : null;
        request.Until = until is { } u ? Timestamp.FromDateTimeOffset(u) : null;
        if (args.Value("caller") is { } caller)
        {
            request.Caller = caller.Length > 0 ? caller : throw CommandFailure.Usage("--caller needs a caller id");
        }

        if (args.Value("region") is { } region)
        {
            request.Region = region.Length is 2 or 4 or 6 && region.All(char.IsAsciiDigit)
                ? region
                : throw CommandFailure.Usage($"--region '{region}' is not a region prefix of 2, 4 or 6 digits (33, 3310, 331082)");
        }

        foreach (var kind in args.Values("kind"))
        {
            request.Kinds.Add(Kinds.Contains(kind, StringComparer.Ordinal)
                ? kind
                : throw CommandFailure.Usage($"--kind '{kind}' is not one of {string.Join(", ", Kinds)}"));
        }

        request.AfterSequence = args.Integer("after", 0, long.MaxValue) ?? 0;
        request.Limit = (int)(args.Integer("limit", 1, MaxLimit) ?? 0);
        var format = args.Value("format")?.ToUpperInvariant() switch
        {
            null or "TEXT" => AuditListFormat.Text,
            "JSONL" => AuditListFormat.Jsonl,
            _ => throw CommandFailure.Usage($"--format '{args.Value("format")}' is not text or jsonl"),
        };
        var detail = args.Has("detail");
        if (detail && format == AuditListFormat.Jsonl)
        {
            throw CommandFailure.Usage("--detail is for --format text; every JSON line holds the detail");
        }

        return new AuditListOptions(connection, request, format, detail);
    }

    private static DateTimeOffset? Time(ParsedArguments args, string name)
    {
        var text = args.Value(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw CommandFailure.Usage($"--{name} '{text}' is not a time such as 2025-03-01, 2025-03-01T08:30:00Z or 2025-03-01T16:30:00+08:00");
    }
}

using System.Globalization;
using MuScore.Cli.Arguments;
using MuScore.Server.Security;
using KnownScopes = MuScore.Server.Security.Scopes;

namespace MuScore.Cli.Signing;

/// <summary>The checked options of "muscore token issue": who the token is for, what it allows, how long, signed with which key.</summary>
/// <param name="KeyFile">The private key (PEM) that signs.</param>
/// <param name="Subject">"sub": the caller id the server records and compares for four eyes.</param>
/// <param name="Scopes">"scope": known scopes, in the server's documentation order, each once.</param>
/// <param name="Regions">"regions": region-code prefixes (2, 4 or 6 digits) or "*" alone.</param>
/// <param name="TimeToLive">From "nbf" to "exp".</param>
/// <param name="Issuer">"iss".</param>
/// <param name="Audience">"aud".</param>
/// <param name="NotBefore">"nbf" when given; else the moment of issue.</param>
internal sealed record TokenOptions(
    string KeyFile,
    string Subject,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Regions,
    TimeSpan TimeToLive,
    string Issuer,
    string Audience,
    DateTimeOffset? NotBefore)
{
    /// <summary>The issuer when neither --issuer nor MUSCORE_ISSUER says otherwise; the server's default too.</summary>
    public const string DefaultIssuer = "muscore";

    /// <summary>The audience when neither --audience nor MUSCORE_AUDIENCE says otherwise; the server's default too.</summary>
    public const string DefaultAudience = "muscore";

    private static readonly string[] NotBeforeFormats =
        ["yyyy-MM-dd", "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"];

    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        OptionSpec.Value("key", "PRIVATE.pem", "the private key that signs (from 'muscore keys new'; ES256 P-256 or RS256)", required: true),
        OptionSpec.Value("sub", "NAME", "the caller id (sub) the server records, e.g. linhai-office", required: true),
        OptionSpec.Value("scope", "\"SCOPE ...\"", $"space-separated scopes: {string.Join(' ', KnownScopes.All)}", required: true),
        OptionSpec.Value("regions", "PREFIX,...", "region-code prefixes of 2, 4 or 6 digits (33, 3310, 331082), comma-separated, or * for all", required: true),
        OptionSpec.Value("ttl", "DURATION", "lifetime: 30d, 12h, 15m or 3600s; at most 400d", required: true),
        OptionSpec.Value("issuer", "ISS", $"iss, default {DefaultIssuer}; must match the server's MuScore:Auth:Jwt:Issuer", environmentVariable: "MUSCORE_ISSUER"),
        OptionSpec.Value("audience", "AUD", $"aud, default {DefaultAudience}; must match the server's MuScore:Auth:Jwt:Audience", environmentVariable: "MUSCORE_AUDIENCE"),
        OptionSpec.Value("not-before", "ISO8601", "valid from (nbf), e.g. 2027-01-01 or 2027-01-01T08:00:00+08:00 (default now; UTC without an offset)"),
    ];

    /// <exception cref="CommandFailure">A value is malformed (exit code 2).</exception>
    public static TokenOptions From(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new TokenOptions(
            args.Value("key")!,
            Word("sub", args.Value("sub")!),
            ParseScopes(args.Value("scope")!),
            ParseRegions(args.Value("regions")!),
            Signing.TimeToLive.Parse(args.Value("ttl")!),
            Word("issuer", args.Value("issuer") ?? DefaultIssuer),
            Word("audience", args.Value("audience") ?? DefaultAudience),
            ParseNotBefore(args.Value("not-before")));
    }

    /// <summary>Every scope once, in <see cref="KnownScopes.All"/> order.</summary>
    /// <exception cref="CommandFailure">None, or one the server does not know (exit code 2, listing the known ones).</exception>
    public static IReadOnlyList<string> ParseScopes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var given = text.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries);
        var unknown = given.Where(s => !KnownScopes.All.Contains(s)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw CommandFailure.Usage($"--scope: unknown scope{(unknown.Count == 1 ? string.Empty : "s")} {string.Join(", ", unknown.Select(s => $"'{s}'"))}; the known scopes are {string.Join(' ', KnownScopes.All)}");
        }

        return given.Length == 0
            ? throw CommandFailure.Usage($"--scope names no scope; the known scopes are {string.Join(' ', KnownScopes.All)}")
            : [.. KnownScopes.All.Where(given.Contains)];
    }

    /// <summary>The prefixes as given, each once; or "*" alone.</summary>
    /// <exception cref="CommandFailure">None, a prefix that is not 2, 4 or 6 digits, or "*" beside others (exit code 2).</exception>
    public static IReadOnlyList<string> ParseRegions(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var regions = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (regions.Count == 0)
        {
            throw CommandFailure.Usage("--regions names no region; give prefixes such as 331082 or 33,3502, or * for every region");
        }

        foreach (var region in regions)
        {
            if (region != Caller.EveryRegion && !(region.Length is 2 or 4 or 6 && region.All(char.IsAsciiDigit)))
            {
                throw CommandFailure.Usage($"--regions: '{region}' is not * or a region-code prefix of 2, 4 or 6 digits (province 33, city 3310, county 331082)");
            }
        }

        if (regions.Contains(Caller.EveryRegion) && regions.Count > 1)
        {
            throw CommandFailure.Usage("--regions: * already covers every region; give it alone");
        }

        return regions;
    }

    private static string Word(string option, string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length == 0 || trimmed.Any(char.IsControl)
            ? throw CommandFailure.Usage($"--{option} must be non-empty text on one line")
            : trimmed;
    }

    private static DateTimeOffset? ParseNotBefore(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(text, NotBeforeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? moment
            : throw CommandFailure.Usage($"--not-before '{text}' is not an ISO 8601 date or time such as 2027-01-01 or 2027-01-01T08:00:00+08:00");
    }
}

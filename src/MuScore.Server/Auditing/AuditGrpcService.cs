using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MuScore.Server.Errors;
using MuScore.Server.Security;
using MuScore.Server.Validation;
using MuScore.Server.Wire;
using MuScore.Store.Audit;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Auditing;

/// <summary>
/// Reads the audit log (scope audit:read). A caller sees the entries of its regions; entries
/// without a region (server starts, read counts, refusals that named none) only with "*".
/// Streams page by page (the store's 1,000 at a time) so a long listing never sits in memory whole.
/// </summary>
[BindServiceMethod(typeof(CheckedBinding.Audit), nameof(CheckedBinding.Audit.BindService))]
internal sealed class AuditGrpcService(IAuditLog log) : Proto.AuditService.AuditServiceBase
{
    /// <summary>Events per call when the request sets no limit.</summary>
    public const int DefaultLimit = 1_000;

    /// <summary>Most events one call returns.</summary>
    public const int MaxLimit = 100_000;

    /// <summary>The longest caller id the log holds (a longer filter could match nothing).</summary>
    private const int MaxCaller = 256;

    /// <summary>0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in Unix seconds: the range a Timestamp may hold.</summary>
    private const long MinSeconds = -62_135_596_800;

    private const long MaxSeconds = 253_402_300_799;

    private static readonly HashSet<string> KnownKinds = new(StringComparer.Ordinal)
    {
        AuditKinds.RunSubmitted, AuditKinds.RunPublished, AuditKinds.RunRollback, AuditKinds.CallRefused, AuditKinds.ServerStarted, AuditKinds.ReadsCounted,
        AuditKinds.NoticeStarted, AuditKinds.ObjectionFiled, AuditKinds.ObjectionDecided, AuditKinds.RunCorrected, AuditKinds.AdjustmentProposed, AuditKinds.AdjustmentApproved, AuditKinds.ReviewFinalized,
    };

    public override async Task ListAuditEvents(Proto.ListAuditEventsRequest request, IServerStreamWriter<Proto.AuditEvent> responseStream, ServerCallContext context)
    {
        var (limit, prefixes) = Validate(request, CallerAccess.Current(context));
        var cancellationToken = context.CancellationToken;
        var after = request.AfterSequence > 0 ? request.AfterSequence : (long?)null;
        var since = request.Since?.ToDateTimeOffset();
        var until = request.Until?.ToDateTimeOffset();
        var sent = 0;
        while (sent < limit)
        {
            var page = Math.Min(AuditQuery.MaxLimit, limit - sent);
            var query = new AuditQuery(
                since,
                until,
                request.Caller.Length > 0 ? request.Caller : null,
                prefixes,
                request.Kinds.Count > 0 ? [.. request.Kinds] : null,
                after,
                page);
            // The page is read whole before it is sent: a slow reader must not hold a pooled
            // connection (or, on SQLite, a read snapshot that stops WAL checkpoints) while it reads.
            var entries = new List<AuditEntry>(Math.Min(page, 64));
            await foreach (var entry in log.ListAsync(query, cancellationToken).ConfigureAwait(false))
            {
                entries.Add(entry);
            }

            foreach (var entry in entries)
            {
                await responseStream.WriteAsync(ToProto(entry), cancellationToken).ConfigureAwait(false);
            }

            sent += entries.Count;
            if (entries.Count < page)
            {
                return;
            }

            after = entries[^1].Sequence;
        }
    }

    private static (int Limit, IReadOnlyList<string>? Prefixes) Validate(Proto.ListAuditEventsRequest request, Caller caller)
    {
        var violations = new Violations();
        if (request.Limit is < 0 or > MaxLimit)
        {
            violations.Add("limit", FieldRules.Format, $"limit must be 0 (default {DefaultLimit}) to {MaxLimit}");
        }

        if (request.AfterSequence < 0)
        {
            violations.Add("after_sequence", FieldRules.Format, "after_sequence must be 0 (from the first entry) or the sequence number of an entry");
        }

        if (request.Region.Length > 0 && (request.Region.Length is not (2 or 4 or 6) || !request.Region.All(char.IsAsciiDigit)))
        {
            violations.Add("region", FieldRules.Format, "region must be a prefix of 2, 4 or 6 digits");
        }

        if (request.Caller.Length > MaxCaller)
        {
            violations.Add("caller", FieldRules.TooLong, $"a caller id has at most {MaxCaller} characters");
        }

        // A Timestamp outside 0001..9999 or with nanos outside 0..999,999,999 cannot be compared; ToDateTimeOffset would throw.
        var since = Instant(violations, "since", request.Since);
        var until = Instant(violations, "until", request.Until);
        if (since is not null && until is not null && since >= until)
        {
            violations.Add("until", FieldRules.Format, "until must be after since");
        }

        for (var i = 0; i < request.Kinds.Count; i++)
        {
            if (!KnownKinds.Contains(request.Kinds[i]))
            {
                violations.Add($"kinds[{i}]", FieldRules.Unknown, $"unknown kind; known: {string.Join(", ", KnownKinds.Order(StringComparer.Ordinal))}");
            }
        }

        violations.ThrowIfAny();
        return (request.Limit == 0 ? DefaultLimit : request.Limit, Prefixes(request.Region, caller));
    }

    private static DateTimeOffset? Instant(Violations violations, string field, Timestamp? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Nanos is < 0 or > 999_999_999 || value.Seconds < MinSeconds || value.Seconds > MaxSeconds)
        {
            violations.Add(field, FieldRules.Format, "not a valid timestamp: seconds must fall within 0001-01-01..9999-12-31 UTC and nanos within 0..999,999,999");
            return null;
        }

        return value.ToDateTimeOffset();
    }

    /// <summary>The region filter: the request's prefix, narrowed to what the caller may see.</summary>
    /// <exception cref="RpcException">PERMISSION_DENIED: the prefix and the caller's regions have nothing in common.</exception>
    private static IReadOnlyList<string>? Prefixes(string requested, Caller caller)
    {
        if (requested.Length == 0)
        {
            return caller.AllRegions ? null : caller.Regions;
        }

        if (caller.MayActOn(requested))
        {
            return [requested];
        }

        // A prefix wider than the caller's (e.g. "33" for a "3310" caller): its own prefixes inside it.
        List<string> inside = [.. caller.Regions.Where(r => r.StartsWith(requested, StringComparison.Ordinal))];

        // A region wholly outside the caller's is refused as every other request naming one is:
        // an empty listing would read as "nothing happened there".
        return inside.Count > 0 ? inside : throw RpcErrors.RegionDenied(caller.Id, "region", requested);
    }

    private static Proto.AuditEvent ToProto(AuditEntry entry)
    {
        var record = entry.Record;
        return new Proto.AuditEvent
        {
            Sequence = entry.Sequence,
            Kind = record.Kind,
            At = Timestamp.FromDateTimeOffset(record.At),
            Caller = record.Caller,
            Region = record.Region ?? string.Empty,
            Year = record.Year ?? 0,
            RunId = record.RunId ?? string.Empty,
            Version = record.Version ?? 0,
            Reason = record.Reason ?? string.Empty,
            Detail = record.Detail ?? string.Empty,
            PreviousHash = entry.PreviousHash,
            Hash = entry.Hash,
        };
    }
}

using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MuScore.Server.Security;
using MuScore.Server.Validation;
using MuScore.Store.Audit;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Auditing;

/// <summary>
/// Reads the audit log (scope audit:read). A caller sees the entries of its regions; entries
/// without a region (server starts, read counts, refusals that named none) only with "*".
/// Streams page by page so a long listing never sits in memory whole.
/// </summary>
internal sealed class AuditGrpcService(IAuditLog log) : Proto.AuditService.AuditServiceBase
{
    /// <summary>Events per call when the request sets no limit.</summary>
    public const int DefaultLimit = 1_000;

    /// <summary>Most events one call returns.</summary>
    public const int MaxLimit = 100_000;

    private static readonly HashSet<string> KnownKinds = new(StringComparer.Ordinal)
    {
        AuditKinds.RunSubmitted, AuditKinds.RunPublished, AuditKinds.RunRollback, AuditKinds.CallRefused, AuditKinds.ServerStarted, AuditKinds.ReadsCounted,
    };

    public override async Task ListAuditEvents(Proto.ListAuditEventsRequest request, IServerStreamWriter<Proto.AuditEvent> responseStream, ServerCallContext context)
    {
        var (limit, prefixes) = Validate(request, CallerAccess.Current(context));
        var cancellationToken = context.CancellationToken;
        var after = request.AfterSequence > 0 ? request.AfterSequence : (long?)null;
        var sent = 0;
        while (sent < limit)
        {
            var page = Math.Min(AuditQuery.MaxLimit, limit - sent);
            var query = new AuditQuery(
                request.Since?.ToDateTimeOffset(),
                request.Until?.ToDateTimeOffset(),
                request.Caller.Length > 0 ? request.Caller : null,
                prefixes,
                request.Kinds.Count > 0 ? [.. request.Kinds] : null,
                after,
                page);
            var inPage = 0;
            await foreach (var entry in log.ListAsync(query, cancellationToken).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(ToProto(entry), cancellationToken).ConfigureAwait(false);
                after = entry.Sequence;
                inPage++;
            }

            sent += inPage;
            if (inPage < page)
            {
                return;
            }
        }
    }

    private static (int Limit, IReadOnlyList<string>? Prefixes) Validate(Proto.ListAuditEventsRequest request, Caller caller)
    {
        var violations = new Violations();
        if (request.Limit is < 0 or > MaxLimit)
        {
            violations.Add("limit", FieldRules.Format, $"limit must be 0 (default {DefaultLimit}) to {MaxLimit}");
        }

        if (request.Region.Length > 0 && (request.Region.Length is not (2 or 4 or 6) || !request.Region.All(char.IsAsciiDigit)))
        {
            violations.Add("region", FieldRules.Format, "region must be a prefix of 2, 4 or 6 digits");
        }

        if (request.Since is not null && request.Until is not null && request.Since.ToDateTimeOffset() >= request.Until.ToDateTimeOffset())
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

    /// <summary>The region filter: the request's prefix, narrowed to what the caller may see.</summary>
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
        return [.. caller.Regions.Where(r => r.StartsWith(requested, StringComparison.Ordinal))];
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

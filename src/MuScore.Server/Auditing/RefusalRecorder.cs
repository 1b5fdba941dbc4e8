using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Options;
using MuScore.Server.Security;
using MuScore.Store.Audit;

namespace MuScore.Server.Auditing;

/// <summary>
/// Writes every refused call to a write RPC (SubmitRun, PublishRun) to the audit log: who, the
/// method, the status and its reason, and the region and run when the refusal names them. At most
/// <see cref="AuditOptions.MaxRefusalsPerMinute"/> entries a minute; the rest are counted and the
/// count rides on the next entry written, or on its own entry at the next
/// <see cref="FlushSuppressedAsync"/> when no refusal follows, so a flood is visible without
/// burying the chain.
/// </summary>
internal sealed class RefusalRecorder(AuditTrail trail, IOptions<AuditOptions> options, TimeProvider time)
{
    private readonly Lock gate = new();
    private long minute = -1;
    private int writtenThisMinute;
    private long suppressed;

    /// <summary>Records a refusal; <paramref name="subject"/> names what was refused when the refusal's ErrorInfo does not.</summary>
    public async Task RecordAsync(ServerCallContext context, Caller? caller, RpcException refusal, RefusedSubject? subject = null)
    {
        var now = time.GetUtcNow();
        if (!TryTake(now, out var suppressedBefore))
        {
            return;
        }

        var info = refusal.GetRpcStatus()?.GetDetail<ErrorInfo>();
        var region = subject?.Region ?? Metadata(info, "region");
        var runId = subject?.RunId ?? Metadata(info, "run_id");
        var detail = AuditJson.Write(new RefusalDetail(context.Method, context.Peer, refusal.StatusCode.ToString(), suppressedBefore));
        var reason = $"{refusal.StatusCode}: {info?.Reason ?? Violation(refusal) ?? "refused"}: {refusal.Status.Detail}";
        await trail.AppendAsync(
            new AuditRecord(AuditKinds.CallRefused, now, caller?.Id ?? string.Empty, region, subject?.Year, runId, null, reason, detail),
            CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the refusals left uncounted by the budget, if any, as one entry of their own: without
    /// it a flood that ends before the next refusal would never show its size.
    /// </summary>
    public async Task FlushSuppressedAsync(CancellationToken cancellationToken)
    {
        long count;
        lock (gate)
        {
            count = suppressed;
            suppressed = 0;
        }

        if (count > 0)
        {
            var detail = AuditJson.Write(new SuppressedDetail(count));
            await trail.AppendAsync(
                new AuditRecord(AuditKinds.CallRefused, time.GetUtcNow(), string.Empty, null, null, null, null, $"{count} refused calls over the budget of {options.Value.MaxRefusalsPerMinute} a minute were not written one by one", detail),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes a place in this minute's budget; false when it is spent (the refusal is counted instead).</summary>
    private bool TryTake(DateTimeOffset now, out long suppressedBefore)
    {
        lock (gate)
        {
            var current = now.ToUnixTimeSeconds() / 60;
            if (current != minute)
            {
                minute = current;
                writtenThisMinute = 0;
            }

            if (writtenThisMinute >= options.Value.MaxRefusalsPerMinute)
            {
                suppressed++;
                suppressedBefore = 0;
                return false;
            }

            writtenThisMinute++;
            suppressedBefore = suppressed;
            suppressed = 0;
            return true;
        }
    }

    private static string? Metadata(ErrorInfo? info, string key) =>
        info?.Metadata.TryGetValue(key, out var value) == true && value.Length > 0 ? value : null;

    /// <summary>The rule of the first field violation (an INVALID_ARGUMENT carries no ErrorInfo).</summary>
    private static string? Violation(RpcException refusal) =>
        refusal.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.FirstOrDefault() is { } first ? $"{first.Field} {first.Reason}" : null;

    private sealed record RefusalDetail(string Method, string Peer, string Status, long SuppressedBefore);

    private sealed record SuppressedDetail(long SuppressedRefusals);
}

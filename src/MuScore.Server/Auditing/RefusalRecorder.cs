using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Options;
using MuScore.Server.Security;
using MuScore.Store.Audit;

namespace MuScore.Server.Auditing;

/// <summary>
/// Writes every refused call to a write RPC (SubmitRun, PublishRun) to the audit log: who, the
/// method, the status and its reason, and the region when the refusal names one. At most
/// <see cref="AuditOptions.MaxRefusalsPerMinute"/> entries a minute; the rest are counted and the
/// count rides on the next entry written, so a flood is visible without burying the chain.
/// </summary>
internal sealed class RefusalRecorder(AuditTrail trail, IOptions<AuditOptions> options, TimeProvider time)
{
    private readonly Lock gate = new();
    private long minute = -1;
    private int writtenThisMinute;
    private long suppressed;

    public async Task RecordAsync(ServerCallContext context, Caller? caller, RpcException refusal)
    {
        var now = time.GetUtcNow();
        long suppressedBefore;
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
                return;
            }

            writtenThisMinute++;
            suppressedBefore = suppressed;
            suppressed = 0;
        }

        var info = refusal.GetRpcStatus()?.GetDetail<ErrorInfo>();
        var region = info?.Metadata.TryGetValue("region", out var named) == true ? named : null;
        var detail = AuditJson.Write(new RefusalDetail(context.Method, context.Peer, refusal.StatusCode.ToString(), suppressedBefore));
        var reason = $"{refusal.StatusCode}: {info?.Reason ?? "refused"}: {refusal.Status.Detail}";
        await trail.AppendAsync(
            new AuditRecord(AuditKinds.CallRefused, now, caller?.Id ?? string.Empty, region, null, null, null, reason, detail),
            CancellationToken.None).ConfigureAwait(false);
    }

    private sealed record RefusalDetail(string Method, string Peer, string Status, long SuppressedBefore);
}

using Grpc.Core;
using Microsoft.Extensions.Options;
using MuScore.Server.Errors;
using MuScore.Server.Options;

namespace MuScore.Server.Evaluation;

/// <summary>
/// Bounds how many SubmitRun calls run at once, per caller and in total: each holds a whole run in
/// memory while it is read, rated and stored. A call over either limit is refused at once with
/// RESOURCE_EXHAUSTED rather than queued: a queued upload would still hold its connection and its
/// buffered messages, and its client could not tell waiting from working.
/// </summary>
internal sealed class UploadGate(IOptions<LimitsOptions> options)
{
    private readonly LimitsOptions limits = options.Value;
    private readonly Lock sync = new();
    private readonly Dictionary<string, int> perCaller = new(StringComparer.Ordinal);
    private int total;

    /// <summary>Uploads running now.</summary>
    public int Running
    {
        get
        {
            lock (sync)
            {
                return total;
            }
        }
    }

    /// <summary>Admits one upload of <paramref name="callerId"/>; dispose the lease when the call ends, however it ends.</summary>
    /// <exception cref="RpcException">RESOURCE_EXHAUSTED naming the limit that is reached.</exception>
    public Lease Enter(string callerId)
    {
        ArgumentNullException.ThrowIfNull(callerId);
        lock (sync)
        {
            var mine = perCaller.GetValueOrDefault(callerId);
            if (mine >= limits.MaxConcurrentUploadsPerCaller)
            {
                throw RpcErrors.TooManyUploads(LimitsOptions.MaxConcurrentUploadsPerCallerKey, limits.MaxConcurrentUploadsPerCaller, $"caller '{EchoText.Bound(callerId)}'");
            }

            if (total >= limits.MaxConcurrentUploads)
            {
                throw RpcErrors.TooManyUploads(LimitsOptions.MaxConcurrentUploadsKey, limits.MaxConcurrentUploads, "the server");
            }

            perCaller[callerId] = mine + 1;
            total++;
        }

        return new Lease(this, callerId);
    }

    private void Exit(string callerId)
    {
        lock (sync)
        {
            total--;
            var mine = perCaller[callerId] - 1;
            if (mine == 0)
            {
                // Callers come and go; only those with an upload running are kept.
                perCaller.Remove(callerId);
            }
            else
            {
                perCaller[callerId] = mine;
            }
        }
    }

    /// <summary>One admitted upload; disposing it (once) lets the next one in.</summary>
    public sealed class Lease : IDisposable
    {
        private UploadGate? gate;
        private readonly string callerId;

        internal Lease(UploadGate gate, string callerId)
        {
            this.gate = gate;
            this.callerId = callerId;
        }

        public void Dispose() => Interlocked.Exchange(ref gate, null)?.Exit(callerId);
    }
}

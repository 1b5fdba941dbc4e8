using System.Collections.Concurrent;
using MuScore.Store;

namespace MuScore.Server.Reading;

/// <summary>
/// The scheme and input hashes of runs, by run id. A stored run never changes (its id is its
/// content hash), so an entry can never go stale; the map is only bounded so that a server that
/// lives for years does not grow without end.
/// </summary>
internal sealed class RunStamps(IRatingStore store)
{
    private const int Capacity = 1_024;

    private readonly ConcurrentDictionary<string, RunStamp> stamps = new(StringComparer.Ordinal);

    /// <summary>The stamp of a published run (it must exist: publications only name stored runs).</summary>
    public async ValueTask<RunStamp> GetAsync(string runId, CancellationToken cancellationToken)
    {
        if (stamps.TryGetValue(runId, out var stamp))
        {
            return stamp;
        }

        var run = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"publication names run '{runId}', which the store does not hold");
        if (stamps.Count >= Capacity)
        {
            // Wholesale reset: a handful of runs are read at any time, and all of them come back on first use.
            stamps.Clear();
        }

        return stamps[runId] = RunStamp.Of(run);
    }
}

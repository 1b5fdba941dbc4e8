using Grpc.Core;

namespace MuScore.Server.Evaluation;

/// <summary>
/// Keeps a large upload's memory bounded and gives it back afterwards (docs/benchmarks.md,
/// "Memory of a large SubmitRun"). The server's collector (Server GC) lets the heap grow ahead of
/// what is live, and after the call, with nothing allocating, it never collects again: a
/// million-record run left 1.6 GB resident for good. So a large upload compacts the heap once the
/// rating's temporaries have died (the draft is read from the core's run, so nothing large dies
/// after it), and returns the memory to the operating system once the call is over and no other upload runs.
/// Each is one blocking collection, which is why small uploads skip them.
/// </summary>
internal sealed class UploadMemory(UploadGate gate)
{
    /// <summary>Records from which an upload counts as large.</summary>
    public const int LargeRun = 100_000;

    /// <summary>The committed heap from which memory is returned after an upload (a server at rest holds about 10 MB).</summary>
    public const long ReturnFrom = 256L * 1024 * 1024;

    /// <summary>
    /// For a large run, a full compacting collection that also decommits what it frees
    /// (<see cref="GCCollectionMode.Aggressive"/>): the next step then grows from what is live,
    /// not from the high-water mark of the last one.
    /// </summary>
    public static void Compact(int records)
    {
        if (records >= LargeRun)
        {
            Collect();
        }
    }

    /// <summary>
    /// Once the call is over and its answer sent (<c>HttpResponse.OnCompleted</c>), whether it
    /// succeeded or not: when no other upload runs (the last one to end does it) and the heap
    /// still holds <see cref="ReturnFrom"/> or more, the same collection on the thread pool.
    /// Registered when the upload starts, so that an upload cancelled half-way gives its memory
    /// back too.
    /// </summary>
    public void ReturnWhenOver(ServerCallContext context) =>
        context.GetHttpContext().Response.OnCompleted(() =>
        {
            if (gate.Running == 0 && GC.GetGCMemoryInfo().TotalCommittedBytes >= ReturnFrom)
            {
                _ = Task.Run(Collect);
            }

            return Task.CompletedTask;
        });

    private static void Collect() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}

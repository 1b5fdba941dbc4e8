using Grpc.Core;

namespace MuScore.Server.Evaluation;

/// <summary>
/// Gives a large upload's memory back afterwards (docs/benchmarks.md, "Memory of a large
/// SubmitRun"). The server's collector (Server GC) lets the heap grow ahead of what is live, and
/// after the call, with nothing allocating, it never collects again: a million-record run left
/// 1.6 GB resident for good. Until session 8 a large upload also compacted the heap after rating
/// and after drafting; the draft now reads its ratings from the core's run, nothing large dies in
/// between, and the call peaks at about 720 MB without them (docs/benchmarks.md, "A draft read
/// from the run's columns").
/// </summary>
internal sealed class UploadMemory(UploadGate gate)
{
    /// <summary>The committed heap from which memory is returned after an upload (a server at rest holds about 10 MB).</summary>
    public const long ReturnFrom = 256L * 1024 * 1024;

    /// <summary>
    /// Once the call is over and its answer sent (<c>HttpResponse.OnCompleted</c>), whether it
    /// succeeded or not: when no other upload runs (the last one to end does it) and the heap
    /// still holds <see cref="ReturnFrom"/> or more, a full compacting collection that also
    /// decommits what it frees (<see cref="GCCollectionMode.Aggressive"/>), on the thread pool.
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

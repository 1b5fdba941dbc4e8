using System.Runtime;
using Grpc.Core;

namespace MuScore.Server.Evaluation;

/// <summary>
/// Keeps a large upload's memory bounded and gives it back afterwards (docs/benchmarks.md,
/// "Memory of a large SubmitRun"). The server's collector (Server GC) lets the heap grow ahead of
/// what is live, and after the call, with nothing allocating, it never collects again: a
/// million-record run left 1.6 GB resident for good. So a large upload compacts the heap each
/// time a big part of it has just died (the rows once rated, the core's run once drafted), and
/// returns the memory to the operating system once the call is over and no other upload runs.
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

    /// <summary>
    /// Bytes a large upload's draft allocates per record, with room to spare: about 560 measured
    /// for a rated row of six items (the <c>StoredRating</c>, its figures, rating and items).
    /// </summary>
    public const long DraftBytesPerRecord = 768;

    // 1 while one upload drafts without collections: the runtime holds one such region at a time.
    private static int drafting;

    /// <summary>
    /// For a large run, builds its draft with the collector held off (<see cref="GC.TryStartNoGCRegion(long)"/>
    /// with room for the whole draft): everything the draft allocates stays live until the store
    /// has it, so the young collections a draft otherwise triggers only copy it from generation to
    /// generation. <see cref="Compact"/> after it compacts the draft once. When the region cannot
    /// be had (another upload holds it, or the runtime refuses the size) the draft is built as
    /// usual; when the budget runs out (other calls allocate too) the runtime simply collects again.
    /// </summary>
    public static T WithoutCollections<T>(int records, Func<T> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (records < LargeRun || Interlocked.CompareExchange(ref drafting, 1, 0) != 0)
        {
            return build();
        }

        try
        {
            var held = TryHold(records * DraftBytesPerRecord);
            try
            {
                return build();
            }
            finally
            {
                if (held)
                {
                    Release();
                }
            }
        }
        finally
        {
            Volatile.Write(ref drafting, 0);
        }
    }

    private static bool TryHold(long bytes)
    {
        try
        {
            return GC.TryStartNoGCRegion(bytes);
        }
        catch (ArgumentOutOfRangeException)
        {
            // More than the runtime can hold off for: draft with collections.
            return false;
        }
        catch (InvalidOperationException)
        {
            // Some other code of the process is in a region already.
            return false;
        }
    }

    private static void Release()
    {
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion)
        {
            return;
        }

        try
        {
            GC.EndNoGCRegion();
        }
        catch (InvalidOperationException)
        {
            // The region had already ended: its budget ran out and the runtime collected.
        }
    }

    private static void Collect() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}

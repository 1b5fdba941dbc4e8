using System.Runtime;

namespace MuScore.Cli.AnnualRun;

/// <summary>
/// Holds off garbage collection while a rate run reads, rates and writes its table. Most of what
/// those steps allocate stays alive to the end of the run (every row's record and strings, the
/// run's results): a collection there marks a growing heap of live objects, on one thread while
/// every other thread waits, and frees little. A 1M-row run made three or four such full
/// collections and kept about four fifths of what it allocated (docs/benchmarks.md, "Fewer
/// collections in a rate run").
/// </summary>
/// <remarks>
/// The pause asks the collector for a budget sized from the input file; a run that allocates
/// more (a much larger table than its file suggests, or a budget the collector refuses) simply
/// collects as usual from there on. The pause lasts until the outputs are written: ratings.csv's
/// writers allocate a few buffers only.
/// </remarks>
internal sealed class CollectionPause : IDisposable
{
    /// <summary>
    /// Bytes allocated per byte of a CSV input while reading, rating and writing it: 2.8 measured
    /// on the 1M-row sample (499 MiB for 189 MB), 3.7 on a file with Chinese headers and 5 % bad
    /// rows (whose problems are objects of their own); the rest is headroom.
    /// </summary>
    private const long BytesPerInputByte = 4;

    /// <summary>Room for the start-up, the scheme and the history.</summary>
    private const long BaseBudget = 64L << 20;

    /// <summary>
    /// At most this much is held back uncollected, so that a table of tens of millions of rows
    /// still peaks within the memory it did before (docs/benchmarks.md, 10M rows in 8 GB).
    /// </summary>
    private const long MaxBudget = 4L << 30;

    private bool active;

    private CollectionPause(bool active) => this.active = active;

    /// <summary>Starts a pause sized for a run over a file of <paramref name="inputBytes"/> bytes.</summary>
    public static CollectionPause Start(long inputBytes)
    {
        // Asking again inside a pause would end it: a caller that paused the collector keeps its pause.
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return new CollectionPause(false);
        }

        if (BudgetFor(inputBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) is not { } budget)
        {
            return new CollectionPause(false);
        }

        try
        {
            return new CollectionPause(GC.TryStartNoGCRegion(budget));
        }
        catch (ArgumentOutOfRangeException)
        {
            // A budget above what this heap (or its hard limit) can hold: collect as usual.
            return new CollectionPause(false);
        }
        catch (InvalidOperationException)
        {
            // Another thread started a pause since the check above: leave it to that thread.
            return new CollectionPause(false);
        }
    }

    /// <summary>
    /// The budget for a file of <paramref name="inputBytes"/> bytes, or null when it is more than
    /// half of <paramref name="availableBytes"/> (the heap's hard limit, or the machine's or
    /// container's memory): asking the collector for a budget beyond its limit ends the process
    /// with "Out of memory" rather than failing the call, so a run that would need most of the
    /// memory collects as usual instead.
    /// </summary>
    internal static long? BudgetFor(long inputBytes, long availableBytes)
    {
        var budget = Math.Min(MaxBudget, BaseBudget + (Math.Max(0, inputBytes) * BytesPerInputByte));
        return budget <= availableBytes / 2 ? budget : null;
    }

    /// <summary>Ends the pause, if it is still on: from here on the collector runs as usual.</summary>
    public void Dispose()
    {
        if (!active)
        {
            return;
        }

        active = false;
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
            // The run allocated past its budget and the collector already ended the pause.
        }
    }
}

using MuScore.Cli.AnnualRun;
using MuScore.Core.Rating;
using MuScore.Core.Schemes;
using MuScore.Ingest;

namespace MuScore.Cli.Output;

/// <summary>
/// Writes the rows of ratings.csv on every core: formatting numbers, quoting and UTF-8 encoding
/// were most of a rate run's CPU on one thread. The rows are cut into blocks; worker threads take
/// the next block, write its bytes into a buffer of a small ring (<see cref="OrderedBlockRing{TSlot}"/>), and this
/// thread appends the buffers to the file in row order as they are done, while the workers go on.
/// The bytes are so the same as one thread's, whatever the number of cores, and only a ring's worth
/// of blocks is ever held.
/// </summary>
internal static class RatingsCsvBlocks
{
    /// <summary>
    /// Rows per block: about 1 MB of text, many blocks per core for an even load. The ring's
    /// buffers are live on top of the whole run while it is written, which is when a run's memory
    /// peaks: blocks of 8,192 rows (3.5 MB each, grown by doubling) added about 30 MB there.
    /// </summary>
    public const int DefaultBlockRows = 2_048;

    /// <summary>Room a buffer starts with per row: a row of the zj-standard layout is about 430 bytes.</summary>
    private const int BytesPerRowGuess = 512;

    /// <summary>Writes the header row (with the byte-order mark) and every row of <paramref name="run"/> to <paramref name="output"/>.</summary>
    public static void Write(
        Stream output,
        Scheme scheme,
        RatingRun run,
        IProgress<RateStepProgress>? progress,
        int blockRows = DefaultBlockRows,
        int? threads = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockRows);
        var layout = new RatingsTableLayout(scheme, run);
        using (new CsvTableWriter(output, layout.Headers, layout.Kinds, leaveOpen: true))
        {
            // Disposed at once: flushes the byte-order mark and the header before the first block.
        }

        var total = run.Results.Count;
        var blocks = (int)(((long)total + blockRows - 1) / blockRows);
        var workers = Math.Clamp(threads ?? Environment.ProcessorCount, 1, Math.Max(1, blocks));

        // Two blocks per worker: one being written while the file takes the other.
        var capacity = (int)Math.Min(1 << 24, (long)blockRows * BytesPerRowGuess);
        using var ring = new OrderedBlockRing<CsvRowBuffer>(workers * 2, () => new CsvRowBuffer(capacity), buffer => buffer.Clear());
        var tasks = new Task[workers];
        var next = -1;
        for (var w = 0; w < workers; w++)
        {
            var rows = new RatingsCsvRows(layout, run);
            tasks[w] = Task.Factory.StartNew(
                () =>
                {
                    for (var block = Interlocked.Increment(ref next); block < blocks; block = Interlocked.Increment(ref next))
                    {
                        var start = block * blockRows;
                        ring.Fill(block, buffer => rows.Write(buffer, start, Math.Min(total, start + blockRows)));
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        try
        {
            for (var block = 0; block < blocks; block++)
            {
                output.Write(ring.Take(block).Written);
                ring.Release(block);
                progress?.Report(new RateStepProgress(RateStep.WriteCsv, Math.Min(total, (block + 1L) * blockRows), total));
            }
        }
        catch
        {
            // Stop the workers before the caller deletes what was written.
            ring.Cancel();
            BlockWorkers.WaitQuietly(tasks);
            throw;
        }

        Task.WaitAll(tasks);
        progress?.Report(new RateStepProgress(RateStep.WriteCsv, total, total));
    }
}

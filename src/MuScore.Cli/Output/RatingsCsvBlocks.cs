using MuScore.Cli.AnnualRun;
using MuScore.Core.Rating;
using MuScore.Core.Schemes;
using MuScore.Ingest;

namespace MuScore.Cli.Output;

/// <summary>
/// Writes the rows of ratings.csv on every core: formatting numbers, quoting and UTF-8 encoding
/// were most of a rate run's CPU on one thread. The rows are cut into blocks; a batch of blocks is
/// written in parallel, each into a buffer of its own with its own layout, and the buffers are then
/// appended to the file in row order, so the bytes are the same as one thread's, whatever the
/// number of cores. Only one batch of buffers is held at a time.
/// </summary>
internal static class RatingsCsvBlocks
{
    /// <summary>Rows per block: a few MB of text, many blocks per core for an even load.</summary>
    public const int DefaultBlockRows = 8_192;

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
        var header = new RatingsTableLayout(scheme, run);
        using (new CsvTableWriter(output, header.Headers, header.Kinds, leaveOpen: true))
        {
            // Disposed at once: flushes the byte-order mark and the header before the first block.
        }

        var workers = Math.Max(1, threads ?? Environment.ProcessorCount);

        // Twice as many blocks as threads per batch, so one slow block leaves no core idle for long.
        var slots = workers * 2;
        var buffers = new MemoryStream[slots];
        var layouts = new RatingsTableLayout[slots];
        var total = run.Rows.Count;
        var options = new ParallelOptions { MaxDegreeOfParallelism = workers };
        for (var batchStart = 0; batchStart < total; batchStart += slots * blockRows)
        {
            var first = batchStart;
            var count = (int)Math.Min(slots, ((long)total - first + blockRows - 1) / blockRows);
            Parallel.For(0, count, options, slot =>
            {
                var buffer = buffers[slot] ??= new MemoryStream();
                buffer.SetLength(0);
                var layout = layouts[slot] ??= new RatingsTableLayout(scheme, run);
                var start = first + (slot * blockRows);
                var end = Math.Min(total, start + blockRows);
                using var csv = CsvTableWriter.Continuation(buffer, layout.Kinds, leaveOpen: true);
                for (var i = start; i < end; i++)
                {
                    csv.WriteRow(new ReadOnlySpan<string?>(layout.Fill(run.Rows[i])));
                }
            });

            for (var slot = 0; slot < count; slot++)
            {
                output.Write(buffers[slot].GetBuffer(), 0, (int)buffers[slot].Length);
            }

            progress?.Report(new RateStepProgress(RateStep.WriteCsv, Math.Min(total, first + (count * blockRows)), total));
        }

        progress?.Report(new RateStepProgress(RateStep.WriteCsv, total, total));
    }
}

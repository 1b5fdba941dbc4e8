using MuScore.Cli.AnnualRun;
using MuScore.Core.Rating;
using MuScore.Core.Schemes;
using MuScore.Ingest;

namespace MuScore.Cli.Output;

/// <summary>Writes ratings.csv, ratings.xlsx, errors.csv and summary.json into a directory, all or nothing.</summary>
internal static class RatingOutputWriter
{
    public const string RatingsCsv = "ratings.csv";
    public const string RatingsXlsx = "ratings.xlsx";
    public const string ErrorsCsv = "errors.csv";
    public const string SummaryFile = "summary.json";

    /// <summary>Rows between two progress reports of a writer.</summary>
    private const int ProgressInterval = 16_384;

    /// <summary>
    /// Writes the files and returns their names in the order created. ratings.xlsx, when asked
    /// for, is written on a second thread while this one writes the CSV files: compressing the
    /// workbook is the longest step, and the two writers share nothing but the finished run.
    /// </summary>
    public static IReadOnlyList<string> Write(
        string directory,
        Scheme scheme,
        RatingRun run,
        RunStatistics stats,
        string inputFileName,
        string inputFormat,
        RateFormats formats = RateFormats.All,
        IProgress<RateStepProgress>? progress = null)
    {
        using var files = new OutputFiles(directory);

        // Created in this fixed order so summary.json lists the files the same way every run.
        var csvStream = files.Create(RatingsCsv);
        var xlsxStream = formats.HasFlag(RateFormats.Xlsx) ? files.Create(RatingsXlsx) : null;
        var xlsx = xlsxStream is null
            ? Task.CompletedTask
            : Task.Factory.StartNew(() => WriteXlsx(xlsxStream, scheme, run, progress), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // errors.csv is one pass over the statuses and short unless many rows are INVALID: it is
        // written beside ratings.csv rather than after it.
        var errorsStream = files.Create(ErrorsCsv);
        var errors = Task.Run(() => WriteErrors(errorsStream, run));
        try
        {
            WriteCsv(csvStream, scheme, run, progress);
        }
        finally
        {
            // The temporary files are deleted on failure only once the other threads have let go of theirs.
            WaitQuietly(errors);
            WaitQuietly(xlsx);
        }

        errors.GetAwaiter().GetResult();
        xlsx.GetAwaiter().GetResult();
        var names = files.Names.Append(SummaryFile).ToArray();
        using (var summary = files.Create(SummaryFile))
        {
            SummaryJson.Write(summary, run, stats, new RunDescription(inputFileName, inputFormat, names));
        }

        files.Commit();
        return names;
    }

    private static void WriteCsv(Stream stream, Scheme scheme, RatingRun run, IProgress<RateStepProgress>? progress)
    {
        using (stream)
        {
            RatingsCsvBlocks.Write(stream, scheme, run, progress);
        }
    }

    private static void WriteErrors(Stream stream, RatingRun run)
    {
        using (stream)
        {
            ErrorsTable.Write(stream, run);
        }
    }

    private static void WriteXlsx(Stream stream, Scheme scheme, RatingRun run, IProgress<RateStepProgress>? progress)
    {
        // Typed cells into the workbook writer, blocks of rows written and deflated on every core
        // (docs/benchmarks.md, "ratings.xlsx"); each worker reads the run through cells of its own.
        var layout = new RatingsTableLayout(scheme, run);
        using var xlsx = new WorkbookWriter(stream, layout.Headers, "ratings");
        var total = run.Rows.Count;
        var reported = 0;
        xlsx.WriteRows(total, () => new RatingsXlsxCells(layout, run), rows =>
        {
            if (rows - reported >= ProgressInterval || rows == total)
            {
                reported = rows;
                progress?.Report(new RateStepProgress(RateStep.WriteXlsx, rows, total));
            }
        });
        progress?.Report(new RateStepProgress(RateStep.WriteXlsx, total, total));
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // Observed again, unwrapped, by the caller.
        }
    }
}

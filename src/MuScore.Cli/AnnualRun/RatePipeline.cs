using System.Globalization;
using MuScore.Cli.Arguments;
using MuScore.Cli.Commands;
using MuScore.Cli.Output;
using MuScore.Core.History;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Ingest;

namespace MuScore.Cli.AnnualRun;

/// <summary>What a finished rate run hands back to the command: the run, its counts and the notes to print.</summary>
internal sealed record RateResult(RatingRun Run, RunStatistics Statistics, IReadOnlyList<string> Notes);

/// <summary>
/// The annual run behind "muscore rate": read and validate the table, rate it, write the outputs.
/// Each long step reports through one progress callback, so the command decides how (or whether)
/// progress is shown and the steps know nothing of consoles.
/// </summary>
internal sealed class RatePipeline
{
    /// <summary>Rows between two progress reports while reading.</summary>
    private const int ReadProgressInterval = 16_384;

    private readonly RateOptions options;
    private readonly IProgress<RateStepProgress>? progress;
    private readonly List<string> notes = [];

    public RatePipeline(RateOptions options, IProgress<RateStepProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.progress = progress;
    }

    /// <exception cref="CommandFailure">Bad input (2), an INVALID row under --strict (3).</exception>
    public RateResult Run()
    {
        // Not with the workbook: its writer allocates and drops about 50 MB of buffers, which a paused
        // collector keeps; a paused 1M-row run with ratings.xlsx peaked above 600 bytes a row.
        using var pause = options.Formats == RateFormats.Csv ? CollectionPause.Start(InputLength(options.Input)) : null;

        // The scheme and history are read on another core while this thread opens and reads the
        // table: their few tens of milliseconds (mostly compiling the JSON reader) come off the run.
        // Their errors still come first, as when they were read before the table.
        var schemeAndHistory = Task.Run(() => (SchemeSource.Load(options.Scheme), LoadHistory(options.History)));
        LoadResult load;
        string format;
        try
        {
            (load, format) = LoadTable();
        }
        catch
        {
            if (WaitQuietly(schemeAndHistory).IsFaulted)
            {
                schemeAndHistory.GetAwaiter().GetResult();
            }

            throw;
        }

        var (scheme, history) = schemeAndHistory.GetAwaiter().GetResult();
        if (options.Strict && load.StoppedAt is { } stopped)
        {
            throw new CommandFailure(ExitCodes.StrictRejected, StrictMessage(stopped.RowNumber, stopped.Problems));
        }

        progress?.Report(new RateStepProgress(RateStep.Rate, 0, -1));
        var run = RatingEngine.Rate(new RatingRequest
        {
            Scheme = scheme,
            Year = options.Year,
            Region = options.Region,
            Rows = load.Rows,
            InputHash = load.InputHash,
            History = history,
        });
        progress?.Report(new RateStepProgress(RateStep.Rate, 1, 1));
        if (options.Strict && FirstInvalid(run.Results) is { } invalid)
        {
            // Duplicate credit codes are only found across rows, by the engine.
            throw new CommandFailure(ExitCodes.StrictRejected, StrictMessage(run.Results.RowNumber(invalid), run.Results.Problems(invalid)));
        }

        AddRegionNote(run);
        var stats = RunStatistics.Of(run);
        RatingOutputWriter.Write(options.OutputDirectory, scheme, run, stats, Path.GetFileName(options.Input), format, options.Formats, progress);
        return new RateResult(run, stats, notes);
    }

    /// <summary>The input file's length, or 0 when it is missing (reported by the read).</summary>
    private static long InputLength(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? file.Length : 0;
    }

    /// <summary>Lets <paramref name="task"/> finish without throwing its error here; returns it.</summary>
    private static Task WaitQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // Observed again, unwrapped, by the caller.
        }

        return task;
    }

    private static IRatingHistory LoadHistory(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return RatingHistory.Empty;
        }

        foreach (var path in paths.Where(p => !File.Exists(p)))
        {
            throw CommandFailure.BadInput($"history file '{path}' does not exist");
        }

        try
        {
            return HistoryReader.Load(paths);
        }
        catch (TableFormatException exception)
        {
            throw CommandFailure.BadInput(exception.Message);
        }
    }

    private static string StrictMessage(int row, IReadOnlyList<FieldProblem> problems)
    {
        var first = problems[0];
        var more = problems.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {problems.Count - 1} more problem(s) in this row)") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"--strict: row {row}, column {RatingsTableLayout.ColumnOf(first)}, rule {first.Rule.Code()}: {first.Message}{more}; nothing was written (run without --strict for errors.csv listing every problem)");
    }

    private (LoadResult Load, string Format) LoadTable()
    {
        if (!File.Exists(options.Input))
        {
            throw CommandFailure.BadInput($"input file '{options.Input}' does not exist");
        }

        try
        {
            using var table = TableReader.Open(options.Input, new TableReadOptions { Encoding = options.Encoding });
            if (table.IgnoredHeaders.Count > 0)
            {
                notes.Add($"note: ignored columns: {string.Join(", ", table.IgnoredHeaders)}");
            }

            var reads = progress is null ? null : new Progress(progress);
            var load = RowLoader.Load(table, new LoadOptions { Strict = options.Strict, ProgressInterval = ReadProgressInterval }, reads);
            return (load, table.Format);
        }
        catch (TableFormatException exception)
        {
            throw CommandFailure.BadInput(exception.Message);
        }
    }

    private void AddRegionNote(RatingRun run)
    {
        if (options.Region is { } region && run.Pools.Count == 0 && !HasRegion(run.Results, region))
        {
            notes.Add($"note: no valid row has region {region}; every valid row is EXCLUDED other_region");
        }
    }

    private static int? FirstInvalid(RatingResults results)
    {
        for (var row = 0; row < results.Count; row++)
        {
            if (results.Status(row) == RowStatus.Invalid)
            {
                return row;
            }
        }

        return null;
    }

    private static bool HasRegion(RatingResults results, string region)
    {
        for (var row = 0; row < results.Count; row++)
        {
            if (results.Record(row)?.Region == region)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The loader's progress (bytes of the file) as the read step's.</summary>
    private sealed class Progress(IProgress<RateStepProgress> target) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => target.Report(new RateStepProgress(RateStep.Read, value.Position, value.Length));
    }
}

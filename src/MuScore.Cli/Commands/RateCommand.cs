using System.Globalization;
using MuScore.Cli.Arguments;
using MuScore.Cli.Output;
using MuScore.Core.History;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Ingest;

namespace MuScore.Cli.Commands;

/// <summary>"muscore rate": reads a table, rates it under a scheme, writes the four output files and prints a summary.</summary>
internal sealed class RateCommand : ICommand
{
    public string Name => "rate";

    public string Summary => "rate every enterprise of a table and write ratings, errors and a summary";

    public string Usage =>
        "rate --input FILE --scheme NAME|FILE --region CODE|all --year YYYY [--history FILE...] --out DIR [--strict] [--encoding auto|utf-8|gb18030] [--quiet]";

    public string Details =>
        "Every input row appears once in ratings.csv/.xlsx as RATED, EXCLUDED or INVALID; errors.csv\n" +
        "lists each problem of each INVALID row; summary.json holds counts, benchmarks and cut-offs.\n" +
        "Exit codes: 0 done (INVALID rows are reported, not fatal), 1 files could not be read or written,\n" +
        "2 bad arguments, scheme or input table, 3 --strict found an INVALID row. See docs/outputs.md.";

    public IReadOnlyList<OptionSpec> Options => RateOptions.Specs;

    public int Run(ParsedArguments args, CliConsole console)
    {
        var options = RateOptions.From(args);
        var scheme = SchemeSource.Load(options.Scheme);
        var history = LoadHistory(options.History);
        var reporter = new PhaseReporter(console.Error, options.Quiet);
        var (load, format) = LoadTable(options, reporter, console);
        if (options.Strict && load.StoppedAt is { } stopped)
        {
            throw new CommandFailure(ExitCodes.StrictRejected, StrictMessage(stopped.RowNumber, stopped.Problems));
        }

        var run = RatingEngine.Rate(new RatingRequest
        {
            Scheme = scheme,
            Year = options.Year,
            Region = options.Region,
            Rows = load.Rows,
            InputHash = load.InputHash,
            History = history,
        });
        reporter.Phase(string.Create(CultureInfo.InvariantCulture, $"rated {run.Rows.Count:N0} rows in {run.Pools.Count} pools"));
        if (options.Strict && run.Rows.FirstOrDefault(r => r.Status == RowStatus.Invalid) is { } invalid)
        {
            // Duplicate credit codes are only found across rows, by the engine.
            throw new CommandFailure(ExitCodes.StrictRejected, StrictMessage(invalid.RowNumber, invalid.Problems));
        }

        Warn(run, options, console);
        var stats = RunStatistics.Of(run);
        RatingOutputWriter.Write(options.OutputDirectory, scheme, run, stats, Path.GetFileName(options.Input), format);
        reporter.Phase("wrote outputs");
        if (!options.Quiet)
        {
            console.Out.Write(ConsoleSummary.Format(run, stats, options.OutputDirectory, console.TableWidth));
        }

        return ExitCodes.Success;
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

    private static (LoadResult Load, string Format) LoadTable(RateOptions options, PhaseReporter reporter, CliConsole console)
    {
        if (!File.Exists(options.Input))
        {
            throw CommandFailure.BadInput($"input file '{options.Input}' does not exist");
        }

        try
        {
            using var table = TableReader.Open(options.Input, new TableReadOptions { Encoding = options.Encoding });
            if (table.IgnoredHeaders.Count > 0 && !options.Quiet)
            {
                console.Error.WriteLine($"note: ignored columns: {string.Join(", ", table.IgnoredHeaders)}");
            }

            var load = RowLoader.Load(table, new LoadOptions { Strict = options.Strict, ProgressInterval = PhaseReporter.Threshold }, reporter);
            return (load, table.Format);
        }
        catch (TableFormatException exception)
        {
            throw CommandFailure.BadInput(exception.Message);
        }
    }

    private static void Warn(RatingRun run, RateOptions options, CliConsole console)
    {
        if (options.Region is { } region && !options.Quiet && run.Pools.Count == 0 && !run.Rows.Any(r => r.Record?.Region == region))
        {
            console.Error.WriteLine($"note: no valid row has region {region}; every valid row is EXCLUDED other_region");
        }

        if (!RatingOutputWriter.FitsXlsx(run) && !options.Quiet)
        {
            console.Error.WriteLine($"note: {run.Rows.Count:N0} rows exceed one sheet; ratings.xlsx is not written, ratings.csv holds every row");
        }
    }

    private static string StrictMessage(int row, IReadOnlyList<FieldProblem> problems)
    {
        var first = problems[0];
        var more = problems.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {problems.Count - 1} more problem(s) in this row)") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"--strict: row {row}, column {RatingsTableLayout.ColumnOf(first)}, rule {first.Rule.Code()}: {first.Message}{more}; nothing was written (run without --strict for errors.csv listing every problem)");
    }
}

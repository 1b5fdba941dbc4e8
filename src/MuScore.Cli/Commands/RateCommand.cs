using MuScore.Cli.AnnualRun;
using MuScore.Cli.Arguments;
using MuScore.Cli.Output;

namespace MuScore.Cli.Commands;

/// <summary>"muscore rate": reads a table, rates it under a scheme, writes the output files and prints a summary.</summary>
internal sealed class RateCommand : ICommand
{
    public string Name => "rate";

    public string Summary => "rate every enterprise of a table and write ratings, errors and a summary";

    public string Usage =>
        "rate --input FILE --scheme NAME|FILE --region CODE|all --year YYYY [--history FILE...] --out DIR [--strict] [--encoding auto|utf-8|gb18030] [--formats csv[,xlsx]] [--quiet]";

    public string Details =>
        "Every input row appears once in ratings.csv/.xlsx as RATED, EXCLUDED or INVALID; errors.csv\n" +
        "lists each problem of each INVALID row; summary.json holds counts, benchmarks and cut-offs.\n" +
        "Exit codes: 0 done (INVALID rows are reported, not fatal), 1 files could not be read or written,\n" +
        "2 bad arguments, scheme or input table, 3 --strict found an INVALID row. See docs/outputs.md.";

    public IReadOnlyList<OptionSpec> Options => RateOptions.Specs;

    public int Run(ParsedArguments args, CliConsole console)
    {
        var options = RateOptions.From(args);
        var result = RateProgressBars.Wanted(console.Error, options.Quiet)
            ? RateProgressBars.Show(progress => new RatePipeline(options, progress).Run())
            : new RatePipeline(options, progress: null).Run();
        if (!options.Quiet)
        {
            foreach (var note in result.Notes)
            {
                console.Error.WriteLine(note);
            }

            console.Out.Write(ConsoleSummary.Format(result.Run, result.Statistics, options.OutputDirectory, console.TableWidth));
        }

        return ExitCodes.Success;
    }
}

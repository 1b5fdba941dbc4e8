using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Cli.Lists;

namespace MuScore.Cli.Commands;

/// <summary>"muscore summary": fetches a published year's 规上 aggregates against the region's targets (seed 004 附件 二) and writes them as a table.</summary>
internal sealed class SummaryCommand : ICommand
{
    public string Name => "summary";

    public string Summary => "fetch a published year's region summary against its targets from a MuScore server";

    public string Usage => "summary --server URL --region CODE --year YYYY --out FILE [--format csv|xlsx] " + ConnectionOptions.Usage;

    public string Details =>
        "Calls PolicyService.SummarizeRegion on the year's newest publication: 规上 Σtax/Σland (tax_per_mu),\n" +
        "ΣVA/Σland over those reporting VA (va_per_mu) and 规上 manufacturing ΣVA/Σemployees\n" +
        "(labour_productivity), each against the target it must exceed. One row per indicator with\n" +
        "numerator, denominator, enterprises, value, target, met, margin and reason, and the publication\n" +
        "and policy on every row; prints a small table. See docs/lists.md.\n" +
        "Exit codes: 0 written, 1 the file could not be written, 2 bad arguments, 4 the server could not\n" +
        "be reached or answered with an error (NOT_FOUND: nothing published for the year, or no targets\n" +
        "in force for the region on 31 December of the year).\n" +
        ConnectionOptions.Details;

    public IReadOnlyList<OptionSpec> Options { get; } = ReportOptions.Specs("the file to write (replaced if it exists)");

    public int Run(ParsedArguments args, CliConsole console)
    {
        var options = ReportOptions.From(args);

        // The command line is synchronous; nothing here captures a synchronization context.
        return SummaryRunner.RunAsync(options, console, CancellationToken.None).GetAwaiter().GetResult();
    }
}

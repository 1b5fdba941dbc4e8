using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Cli.Lists;

namespace MuScore.Cli.Commands;

/// <summary>"muscore lists": fetches a published year's low-efficiency lists (seed 004 附件 二) from a MuScore server and writes them as a table.</summary>
internal sealed class ListsCommand : ICommand
{
    public string Name => "lists";

    public string Summary => "fetch a published year's low-efficiency lists from a MuScore server as CSV or .xlsx";

    public string Usage => "lists --server URL --region CODE --year YYYY --out FILE [--format csv|xlsx] " + ConnectionOptions.Usage;

    public string Details =>
        "Calls PolicyService.ListLowEfficiency: the year's newest publication, and the previous year's for\n" +
        "LARGE_LOW_TAX (亩均税收连续两年10万元(含)以下的亿元企业), beside LOW_TAX (5万元(含)以下). One row per\n" +
        "listed enterprise with its figures and reason, and on every row the publication (region, year,\n" +
        "version, run_id) and policy (id, version, hash, citation) it was drawn from; empty lists still\n" +
        "write the header row. Prints the publications, policy, counts and note. See docs/lists.md.\n" +
        "Exit codes: 0 written, 1 the file could not be written, 2 bad arguments, 4 the server could not\n" +
        "be reached or answered with an error (NOT_FOUND: nothing published for the year, or no list\n" +
        "rules in force for the region on 31 December of the year).\n" +
        ConnectionOptions.Details;

    public IReadOnlyList<OptionSpec> Options { get; } = ReportOptions.Specs("the file to write (replaced if it exists)");

    public int Run(ParsedArguments args, CliConsole console)
    {
        var options = ReportOptions.From(args);

        // The command line is synchronous; nothing here captures a synchronization context.
        return ListsRunner.RunAsync(options, console, CancellationToken.None).GetAwaiter().GetResult();
    }
}

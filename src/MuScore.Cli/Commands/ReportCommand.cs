using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Cli.Reporting;

namespace MuScore.Cli.Commands;

/// <summary>"muscore report": one self-contained HTML report of a year's ratings, from a ratings.csv or a publication.</summary>
internal sealed class ReportCommand : ICommand
{
    public string Name => "report";

    public string Summary => "write a year's ratings as one self-contained HTML report with charts";

    public string Usage =>
        "report --ratings ratings.csv [--previous LAST.csv] --out report.html [--lang zh|en] [--scheme FILE]\n" +
        "       muscore report --server URL --region CODE --year YYYY [--previous-year YYYY] --out report.html [--lang zh|en] " + ConnectionOptions.Usage;

    public string Details =>
        "Headline counts per pool and class; charts (class distribution per pool, each indicator's\n" +
        "distribution with its benchmark, score against tax per mu, and with a previous year the class\n" +
        "transitions); the enterprises that changed class and which item scores moved most; the\n" +
        "lowest-ranked and the nearest-to-promotion enterprises, with how far each indicator alone would\n" +
        "have to rise to reach the next class. One HTML file: inline SVG and CSS, no script, no link\n" +
        "outside the file. Chinese by default, English with --lang en. Item weights come from the scheme\n" +
        "the ratings name; a scheme that is not a preset needs --scheme. See docs/report.md.\n" +
        "With --server the newest publication of each year is read with ListRatings (scope ratings:read;\n" +
        "ratings:figures adds the indicator values the charts and gap table need).\n" +
        "Exit codes: 0 written, 1 the file could not be written, 2 bad arguments or ratings that cannot be\n" +
        "read, 4 the server could not be reached or answered with an error.\n" +
        ConnectionOptions.Details;

    public IReadOnlyList<OptionSpec> Options => ReportOptions.Specs;

    public int Run(ParsedArguments args, CliConsole console)
    {
        var options = ReportOptions.From(args);

        // The command line is synchronous; nothing here captures a synchronization context.
        return ReportRunner.RunAsync(options, console, CancellationToken.None).GetAwaiter().GetResult();
    }
}

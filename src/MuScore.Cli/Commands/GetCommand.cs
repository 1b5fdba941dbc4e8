using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Cli.Querying;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Commands;

/// <summary>"muscore get CODE": one enterprise's published rating, with how it was reached.</summary>
internal sealed class GetCommand : ICommand
{
    public string Name => "get";

    public string Summary => "ask a MuScore server for one enterprise's rating and its explanation";

    public string Usage => "get CODE --server URL --region CODE [--year YYYY] [--json] " + ConnectionOptions.Usage;

    public string Details =>
        "Calls RatingService.GetRating: the class, score, rank and percentile in its pool, the gap to\n" +
        "the next class, each item's score against its benchmark, and the publication (run, version,\n" +
        "year, time) the answer comes from. Without the ratings:figures scope the server leaves out the\n" +
        "reported figures, land and item values and benchmarks; what came is printed. See docs/cli.md.\n" +
        "Exit codes: 0 printed, 2 bad arguments, 4 the server could not be reached or refused,\n" +
        "6 the server has no rating of CODE in the region and year (NOT_FOUND).\n" +
        ConnectionOptions.Details;

    public IReadOnlyList<OptionSpec> Options => GetOptions.Specs;

    public string Words => "CODE";

    public int Run(ParsedArguments args, CliConsole console)
    {
        var options = GetOptions.From(args);
        var request = new GetRatingRequest { CreditCode = options.CreditCode, Region = options.Region };
        if (options.Year is { } year)
        {
            request.Year = year;
        }

        var response = QueryRunner.Call(
            options.Connection,
            "GetRating",
            async channel => await new RatingService.RatingServiceClient(channel).GetRatingAsync(request).ConfigureAwait(false),
            "no rating of this credit code is published for the region and year: check CODE, --region and --year");
        console.Out.Write(options.Json ? AnswerJson.Format(response) : RatingText.Format(response, console.TableWidth));
        return ExitCodes.Success;
    }
}

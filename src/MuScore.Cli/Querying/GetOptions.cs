using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;

namespace MuScore.Cli.Querying;

/// <summary>The checked options of "muscore get CODE".</summary>
internal sealed record GetOptions(ConnectionOptions Connection, string CreditCode, string Region, int? Year, bool Json)
{
    public static IReadOnlyList<OptionSpec> Specs { get; } = QueryOptions.WithConnection(
        OptionSpec.Value("region", "CODE", "the 6-digit region the enterprise was rated in", required: true),
        OptionSpec.Value("year", "YYYY", "the evaluated year (1990..2100); default: the newest year published for the region"));

    /// <exception cref="CommandFailure">A value is malformed (exit code 2).</exception>
    public static GetOptions From(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var code = QueryOptions.CreditCodeOf(QueryOptions.OneWord(args, "CODE (the enterprise's credit code)"));
        var connection = ConnectionOptions.From(args);
        var region = ServerArguments.Region(args);
        int? year = args.Has("year") ? ServerArguments.Year(args) : null;
        return new GetOptions(connection, code, region, year, args.Has("json"));
    }
}

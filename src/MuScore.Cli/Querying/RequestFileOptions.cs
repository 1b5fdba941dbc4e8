using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;

namespace MuScore.Cli.Querying;

/// <summary>The checked options of "muscore land-check FILE" and "muscore subsidy FILE".</summary>
internal sealed record RequestFileOptions(ConnectionOptions Connection, string File, bool Json)
{
    public static IReadOnlyList<OptionSpec> Specs { get; } = QueryOptions.WithConnection();

    /// <exception cref="CommandFailure">A value is malformed (exit code 2).</exception>
    public static RequestFileOptions From(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var file = QueryOptions.OneWord(args, "REQUEST.json (the request as protobuf JSON)");
        return new RequestFileOptions(ConnectionOptions.From(args), file, args.Has("json"));
    }
}

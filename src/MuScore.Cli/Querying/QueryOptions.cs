using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;
using MuScore.Core.Records;

namespace MuScore.Cli.Querying;

/// <summary>The options and checks that get, quote, land-check and subsidy share.</summary>
internal static class QueryOptions
{
    /// <summary>--json: the answer as protobuf JSON instead of text.</summary>
    public static OptionSpec Json { get; } =
        OptionSpec.Flag("json", "print the server's answer as JSON (protobuf JSON, snake_case field names, defaults included; docs/cli.md)");

    /// <summary>The one positional word, e.g. the credit code or the request file.</summary>
    /// <exception cref="CommandFailure">None or more than one was given (exit code 2).</exception>
    public static string OneWord(ParsedArguments args, string what)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Positionals.Count switch
        {
            0 => throw CommandFailure.Usage($"missing {what}"),
            1 => args.Positionals[0],
            _ => throw CommandFailure.Usage($"unexpected argument '{args.Positionals[1]}'"),
        };
    }

    /// <summary>A credit code checked locally, so that a typo is exit code 2 without a round trip.</summary>
    /// <exception cref="CommandFailure">It is not a valid GB 32100-2015 code (exit code 2).</exception>
    public static string CreditCodeOf(string code) => CreditCode.Validate(code) switch
    {
        null => code,
        ProblemRule.CreditCodeCheck => throw CommandFailure.Usage($"credit code '{Bounded(code)}' has a wrong check character (the 18th)"),
        _ => throw CommandFailure.Usage($"credit code '{Bounded(code)}' is not 18 characters of the GB 32100-2015 alphabet"),
    };

    /// <summary>Echoed input cut to a length a message can carry.</summary>
    public static string Bounded(string text, int max = 40)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : text[..max] + "…";
    }

    /// <summary>A file path echoed in a message: long enough for any real path, still bounded.</summary>
    public static string BoundedPath(string path) => Bounded(path, 512);

    /// <summary>--server and the credentials, first and last among a command's options around <paramref name="own"/>.</summary>
    public static IReadOnlyList<OptionSpec> WithConnection(params OptionSpec[] own) =>
        [ConnectionOptions.ServerSpec, .. own, Json, .. ConnectionOptions.CredentialSpecs];
}

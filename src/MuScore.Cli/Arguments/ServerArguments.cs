using MuScore.Core.Records;

namespace MuScore.Cli.Arguments;

/// <summary>
/// The options every command that talks to a MuScore server shares (--server, --region, --year),
/// checked here so that a typo is exit code 2 with usage, not a round trip.
/// </summary>
internal static class ServerArguments
{
    /// <summary>The server's own year range (docs/service.md).</summary>
    public const int MinYear = 1990;

    /// <inheritdoc cref="MinYear"/>
    public const int MaxYear = 2100;

    /// <exception cref="CommandFailure">A positional argument was given.</exception>
    public static void NoPositionals(ParsedArguments args)
    {
        if (args.Positionals.Count > 0)
        {
            throw CommandFailure.Usage($"unexpected argument '{args.Positionals[0]}'");
        }
    }

    /// <summary>The required --server as an http:// or https:// URL.</summary>
    /// <exception cref="CommandFailure">It is not one.</exception>
    public static Uri Server(ParsedArguments args)
    {
        var server = args.Value("server")!;
        return Uri.TryCreate(server, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw CommandFailure.Usage($"--server '{server}' is not an http:// or https:// URL (e.g. http://127.0.0.1:5080)");
    }

    /// <summary>The required --region as a 6-digit region code.</summary>
    /// <exception cref="CommandFailure">It is not one.</exception>
    public static string Region(ParsedArguments args)
    {
        var region = args.Value("region")!;
        return CellParsers.IsRegion(region) ? region : throw CommandFailure.Usage($"--region '{region}' is not a 6-digit region code");
    }

    /// <summary>The required --year within <see cref="MinYear"/>..<see cref="MaxYear"/>.</summary>
    public static int Year(ParsedArguments args) => (int)args.Integer("year", MinYear, MaxYear)!.Value;
}

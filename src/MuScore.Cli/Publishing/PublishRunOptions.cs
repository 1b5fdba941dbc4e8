using MuScore.Cli.Arguments;
using MuScore.Cli.Connection;

namespace MuScore.Cli.Publishing;

/// <summary>The checked options of "muscore publish-run": a stored run, and why it is published.</summary>
internal sealed record PublishRunOptions(ConnectionOptions Connection, string RunId, string? Reason)
{
    /// <summary>The server keeps at most this many characters of a reason.</summary>
    public const int MaxReasonLength = 1024;

    public static OptionSpec ReasonSpec { get; } =
        OptionSpec.Value("reason", "TEXT", "why it is published (kept with the publication and in the audit log); required to put back a run older than the one in force");

    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        ConnectionOptions.ServerSpec,
        OptionSpec.Value("run", "RUN_ID", "the run to publish, as SubmitRun (or 'muscore publish --no-publish') printed it", required: true),
        ReasonSpec,
        .. ConnectionOptions.CredentialSpecs,
    ];

    /// <exception cref="CommandFailure">A value is malformed (exit code 2).</exception>
    public static PublishRunOptions From(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        ServerArguments.NoPositionals(args);
        var run = args.Value("run")!.Trim();
        if (run.Length != 64 || !run.All(char.IsAsciiHexDigitLower))
        {
            throw CommandFailure.Usage($"--run must be a run id: 64 lower-case hex digits");
        }

        return new PublishRunOptions(ConnectionOptions.From(args), run, ReasonOf(args));
    }

    /// <summary>The --reason text, null when absent or blank.</summary>
    public static string? ReasonOf(ParsedArguments args)
    {
        var reason = args.Value("reason");
        if (string.IsNullOrWhiteSpace(reason))
        {
            return null;
        }

        return reason.Length <= MaxReasonLength
            ? reason.Trim()
            : throw CommandFailure.Usage($"--reason holds at most {MaxReasonLength} characters");
    }
}

namespace MuScore.Cli;

/// <summary>
/// A failure the user can act on: printed as one message (never a stack trace) and turned into
/// the exit code. Thrown by commands, caught once in <see cref="CliApp"/>.
/// </summary>
internal sealed class CommandFailure : Exception
{
    public CommandFailure(int exitCode, string message, bool showUsage = false)
        : base(message)
    {
        ExitCode = exitCode;
        ShowUsage = showUsage;
    }

    public CommandFailure()
    {
    }

    public CommandFailure(string message)
        : base(message)
    {
    }

    public CommandFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int ExitCode { get; } = ExitCodes.Usage;

    /// <summary>Whether the command's usage should follow the message (argument errors).</summary>
    public bool ShowUsage { get; }

    /// <summary>A bad command line: exit code 2 with usage.</summary>
    public static CommandFailure Usage(string message) => new(ExitCodes.Usage, message, showUsage: true);

    /// <summary>Bad input (scheme, table, year): exit code 2, no usage.</summary>
    public static CommandFailure BadInput(string message) => new(ExitCodes.Usage, message);
}

using MuScore.Cli.Arguments;
using MuScore.Cli.Commands;

namespace MuScore.Cli;

/// <summary>Dispatches a command line to its command and turns every failure into one message and an exit code.</summary>
internal static class CliApp
{
    /// <summary>Runs one command line; never throws.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, CancellationToken.None);

    /// <summary>Runs one command line; <paramref name="stop"/> ends a long-running command (serve) like Ctrl-C. Never throws.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken stop) =>
        Run(args, stdout, stderr, Environment.GetEnvironmentVariable, stop);

    /// <summary>
    /// Runs one command line with <paramref name="environment"/> as the source of the variables
    /// that stand in for absent options (MUSCORE_TOKEN, ...); tests pass their own. Never throws.
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(args);
        ICommand[] commands = [new RateCommand(), new SchemesCommand(), new SampleCommand(), new PublishCommand(), new ListsCommand(), new SummaryCommand(), new ReportCommand(), new ServeCommand(stop), new PublishRunCommand(), new KeysCommand(), new TokenCommand(), new AuditCommand()];
        var console = new CliConsole(stdout, stderr);
        if (args.Count == 0)
        {
            stderr.Write(HelpText.General(commands));
            return ExitCodes.Usage;
        }

        if (args[0] is "--help" or "-h" or "help")
        {
            var topic = args.Count > 1 ? commands.FirstOrDefault(c => c.Name == args[1]) : null;
            stdout.Write(topic is null ? HelpText.General(commands) : HelpText.ForCommand(topic));
            return ExitCodes.Success;
        }

        var command = commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            stderr.Write($"muscore: unknown command '{args[0]}'\n\n{HelpText.General(commands)}");
            return ExitCodes.Usage;
        }

        try
        {
            var parsed = ArgumentParser.Parse(args.Skip(1).ToArray(), command.Options, environment);
            if (parsed.HelpRequested)
            {
                stdout.Write(HelpText.ForCommand(command));
                return ExitCodes.Success;
            }

            return command.Run(parsed, console);
        }
        catch (CommandFailure failure)
        {
            stderr.Write($"muscore {command.Name}: {failure.Message}\n");
            if (failure.ShowUsage)
            {
                stderr.Write($"\n{HelpText.ForCommand(command)}");
            }

            return failure.ExitCode;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            stderr.Write($"muscore {command.Name}: {exception.Message}\n");
            return ExitCodes.IoFailure;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A defect, not bad input: still one line for the user, with enough to report it.
            stderr.Write($"muscore {command.Name}: internal error ({exception.GetType().Name}): {exception.Message}\n");
            return ExitCodes.IoFailure;
        }
    }
}

using System.CommandLine;
using System.CommandLine.Invocation;
using MuScore.Cli.Arguments;
using MuScore.Cli.CommandLine;
using MuScore.Cli.Commands;

namespace MuScore.Cli;

/// <summary>
/// Parses a command line with System.CommandLine (<see cref="CommandTree"/>), runs its verb and
/// turns every failure into one message and an exit code.
/// </summary>
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
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken stop) =>
        Run(args, new CliConsole(stdout, stderr), environment, stop);

    /// <summary>Runs one command line on <paramref name="console"/>. Never throws.</summary>
    public static int Run(IReadOnlyList<string> args, CliConsole console, Func<string, string?> environment, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        ICommand[] commands =
        [
            new RateCommand(), new SchemesCommand(), new SampleCommand(), new PublishCommand(), new ListsCommand(), new SummaryCommand(),
            new ReportCommand(), new GetCommand(), new QuoteCommand(), new LandCheckCommand(), new SubsidyCommand(),
            new ServeCommand(stop), new PublishRunCommand(), new KeysCommand(), new TokenCommand(), new AuditCommand(), new CompletionCommand(),
        ];
        var tree = new CommandTree(commands, (verb, result, words) => RunVerb(verb, result, words, console, environment));
        if (args.Count == 0)
        {
            console.Error.Write(HelpText.General(commands));
            return ExitCodes.Usage;
        }

        // "muscore help rate" as the old parser read it.
        IReadOnlyList<string> line = args[0] == "help" ? [.. args.Skip(1).Take(1), "--help"] : args;
        var result = CommandTree.Parse(tree.Root, line);
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,

            // serve handles Ctrl-C through its host; the library must not end the process first.
            ProcessTerminationTimeout = null,
        };
        if (result.Errors.Count > 0 && result.Action is ParseErrorAction)
        {
            return ParseFailed(tree, result, console, optionsOnly: false);
        }

        // A verb's words took in a mistyped option ("quote CODE --regoin"): parse again without words for the suggestion.
        if (tree.VerbOf(result) is { Words: not null } && result.CommandResult.Tokens.Any(t => t.Value.Length > 1 && t.Value[0] == '-'))
        {
            var strict = new CommandTree(commands, (_, _, _) => ExitCodes.Usage, takeWords: false);
            return ParseFailed(strict, CommandTree.Parse(strict.Root, line), console, optionsOnly: true);
        }

        return result.Invoke(configuration);
    }

    /// <summary>Prints a command line's problems, the typo suggestions and the usage; exit code 2.</summary>
    /// <param name="tree">The tree <paramref name="result"/> was parsed with.</param>
    /// <param name="result">A parse with errors.</param>
    /// <param name="console">Where to print.</param>
    /// <param name="optionsOnly">Report only the words that look like options (the others are the verb's own words).</param>
    private static int ParseFailed(CommandTree tree, ParseResult result, CliConsole console, bool optionsOnly)
    {
        var verb = tree.VerbOf(result);
        if (verb is null)
        {
            var word = result.UnmatchedTokens.Count > 0 ? result.UnmatchedTokens[0] : result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            console.Error.Write($"muscore: unknown command '{word}'\n{ParseErrorText.TypoSuggestions(result, atRoot: true)}\n{HelpText.General(tree.Commands)}");
            return ExitCodes.Usage;
        }

        var problems = result.Errors.Select(e => ParseErrorText.Describe(e, result))
            .Where(p => !optionsOnly || p.StartsWith("unknown option", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal);
        var text = string.Concat(problems.Select(p => $"muscore {verb.Name}: {p}\n"));
        console.Error.Write($"{text}{ParseErrorText.TypoSuggestions(result, atRoot: false)}\n{HelpText.ForCommand(verb)}");
        return ExitCodes.Usage;
    }

    private static int RunVerb(ICommand command, ParseResult result, Argument<string[]>? words, CliConsole console, Func<string, string?> environment)
    {
        try
        {
            var parsed = ArgumentParser.Read(result, command.Options, words, environment, helpRequested: false);
            return command.Run(parsed, console);
        }
        catch (CommandFailure failure)
        {
            console.Error.Write($"muscore {command.Name}: {failure.Message}\n");
            if (failure.ShowUsage)
            {
                console.Error.Write($"\n{HelpText.ForCommand(command)}");
            }

            return failure.ExitCode;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            console.Error.Write($"muscore {command.Name}: {exception.Message}\n");
            return ExitCodes.IoFailure;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A defect, not bad input: still one line for the user, with enough to report it.
            console.Error.Write($"muscore {command.Name}: internal error ({exception.GetType().Name}): {exception.Message}\n");
            return ExitCodes.IoFailure;
        }
    }
}

using System.CommandLine;
using System.CommandLine.Help;
using MuScore.Cli.Arguments;
using MuScore.Cli.Commands;

namespace MuScore.Cli.CommandLine;

/// <summary>
/// The System.CommandLine tree of the verbs: one <see cref="Command"/> per <see cref="ICommand"/>,
/// one option per <see cref="OptionSpec"/>, and a positional argument for verbs that take words
/// (actions, a credit code, a request file). Built from the specs, so a new verb or option is a
/// line in its command or options class and nothing here changes.
/// </summary>
internal sealed class CommandTree
{
    private readonly Dictionary<Command, (ICommand Verb, Argument<string[]>? Words)> verbs = [];

    /// <param name="commands">The verbs, in the order help lists them.</param>
    /// <param name="run">Runs a verb once its command line has parsed; returns the exit code.</param>
    /// <param name="takeWords">
    /// False leaves out the verbs' positional words, so that every word is unmatched: a mistyped
    /// option that a verb's words took in then gets the library's typo suggestion.
    /// </param>
    public CommandTree(IReadOnlyList<ICommand> commands, Func<ICommand, ParseResult, Argument<string[]>?, int> run, bool takeWords = true)
    {
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(run);
        Commands = commands;
        Root = new RootCommand("muscore: per-mu efficiency ratings (亩均效益综合评价)");
        foreach (var verb in commands)
        {
            var command = new Command(verb.Name, verb.Summary);
            foreach (var spec in verb.Options)
            {
                command.Options.Add(OptionFor(spec));
            }

            Argument<string[]>? words = null;
            if (takeWords && verb.Words is { } wordsName)
            {
                words = new Argument<string[]>(wordsName) { Arity = ArgumentArity.ZeroOrMore };
                if (verb.WordChoices.Count > 0)
                {
                    words.CompletionSources.Add([.. verb.WordChoices]);
                }

                command.Arguments.Add(words);
            }

            command.SetAction(result => run(verb, result, words));
            verbs[command] = (verb, words);
            Root.Subcommands.Add(command);
        }

        // Help stays the hand-written pages (usage, options, environment variables, exit codes), for every verb.
        var help = Root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpTextAction(this);
    }

    public RootCommand Root { get; }

    public IReadOnlyList<ICommand> Commands { get; }

    /// <summary>The verb a parsed command line names; null for the root (no verb).</summary>
    public ICommand? VerbOf(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return verbs.TryGetValue(result.CommandResult.Command, out var verb) ? verb.Verb : null;
    }

    /// <summary>
    /// Parses <paramref name="args"/> against <paramref name="command"/>. "@FILE" is a value, never
    /// a response file (--token @FILE reads a token from FILE), and "--name=" gives the option an
    /// empty value, as the hand-written parser did, so that its check can name the problem.
    /// </summary>
    public static ParseResult Parse(Command command, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(args);
        var words = args.SelectMany(a => a.Length > 3 && a.StartsWith("--", StringComparison.Ordinal) && a.EndsWith('=') && a.IndexOf('=', StringComparison.Ordinal) == a.Length - 1
            ? new[] { a[..^1], string.Empty }
            : [a]).ToArray();
        return command.Parse(words, Configuration);
    }

    private static ParserConfiguration Configuration { get; } = new() { ResponseFileTokenReplacer = null };

    /// <summary>An option that parses a spec's value as text; the verb's options class checks and converts it.</summary>
    public static Option OptionFor(OptionSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Option option = spec.Arity switch
        {
            OptionArity.Flag => new Option<bool>("--" + spec.Name) { Arity = ArgumentArity.Zero },
            OptionArity.Many => new Option<string[]>("--" + spec.Name) { AllowMultipleArgumentsPerToken = true, Arity = ArgumentArity.OneOrMore },
            _ => new Option<string>("--" + spec.Name) { Arity = ArgumentArity.ExactlyOne },
        };
        option.Description = spec.EnvironmentVariable is { } variable ? $"{spec.Help} (env {variable})" : spec.Help;
        option.HelpName = spec.ValueName;

        // Not Required here: an environment variable may stand in, and the message names the option as help does.
        var choices = Choices(spec.ValueName);
        if (choices.Length > 0)
        {
            option.CompletionSources.Add(choices);
        }

        return option;
    }

    /// <summary>The literal values in an option's value name such as "auto|utf-8|gb18030" or "CODE|all" ("all"), for tab completion.</summary>
    private static string[] Choices(string? valueName) =>
        valueName is null
            ? []
            : [.. valueName.Split('|').Where(v => v.Length > 0 && v.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))];
}

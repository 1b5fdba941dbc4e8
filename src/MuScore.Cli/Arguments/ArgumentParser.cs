using System.CommandLine;
using MuScore.Cli.CommandLine;

namespace MuScore.Cli.Arguments;

/// <summary>
/// Reads a System.CommandLine parse of one verb into <see cref="ParsedArguments"/>: the options
/// written on the command line, environment variables standing in for absent ones (MUSCORE_TOKEN,
/// ...), the positional words, and the required options. The one place a command line becomes values.
/// </summary>
internal static class ArgumentParser
{
    /// <summary>Parses <paramref name="args"/> (without the verb) against <paramref name="specs"/>, with no environment.</summary>
    /// <exception cref="CommandFailure">An unknown option, a missing value, or a missing required option.</exception>
    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs) =>
        Parse(args, specs, _ => null);

    /// <summary>Parses <paramref name="args"/> (without the verb) against <paramref name="specs"/> on a verb of its own.</summary>
    /// <exception cref="CommandFailure">An unknown option, a missing value, or a missing required option.</exception>
    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var command = new RootCommand();
        foreach (var spec in specs)
        {
            command.Options.Add(CommandTree.OptionFor(spec));
        }

        var words = new Argument<string[]>("WORDS") { Arity = ArgumentArity.ZeroOrMore };
        command.Arguments.Add(words);
        var result = CommandTree.Parse(command, args);
        if (result.Errors.Count > 0)
        {
            throw CommandFailure.Usage(ParseErrorText.Describe(result.Errors[0], result));
        }

        return Read(result, specs, words, environment, helpRequested: false);
    }

    /// <summary>
    /// The values of a parse without errors. An option with an <see cref="OptionSpec.EnvironmentVariable"/>
    /// that the command line lacks takes that variable's value from <paramref name="environment"/>
    /// when it is set and not empty.
    /// </summary>
    /// <exception cref="CommandFailure">A required option is missing, or a word looks like an unknown option.</exception>
    public static ParsedArguments Read(ParseResult result, IReadOnlyList<OptionSpec> specs, Argument<string[]>? words, Func<string, string?> environment, bool helpRequested)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(environment);
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var options = result.CommandResult.Command.Options;
        foreach (var spec in specs)
        {
            var option = options.FirstOrDefault(o => o.Name == "--" + spec.Name);
            if (option is null || result.GetResult(option) is not { Implicit: false } given)
            {
                continue;
            }

            values[spec.Name] = spec.Arity switch
            {
                OptionArity.Flag => ["true"],
                OptionArity.Many => [.. given.GetValueOrDefault<string[]>() ?? []],
                _ => [given.GetValueOrDefault<string>() ?? string.Empty],
            };
        }

        var positionals = words is null ? [] : result.GetValue(words) ?? [];

        // A word that looks like an option is a mistyped one, not an action or a file name.
        if (positionals.FirstOrDefault(w => w.Length > 1 && w[0] == '-') is { } unknown)
        {
            throw CommandFailure.Usage($"unknown option '{unknown}'");
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            if (spec.EnvironmentVariable is { } variable && !values.ContainsKey(spec.Name)
                && environment(variable) is { Length: > 0 } fromEnvironment)
            {
                values[spec.Name] = [fromEnvironment];
                variables[spec.Name] = variable;
            }
        }

        if (!helpRequested && specs.FirstOrDefault(s => s.Required && !values.ContainsKey(s.Name)) is { } missing)
        {
            throw CommandFailure.Usage($"missing {missing.Synopsis}");
        }

        return new ParsedArguments(values, positionals, helpRequested, variables);
    }
}

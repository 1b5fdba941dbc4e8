namespace MuScore.Cli.Arguments;

/// <summary>
/// A small long-option parser: "--name value", "--name=value", flags, repeatable multi-value
/// options, environment variables standing in for absent single options, and "--help"/"-h".
/// Hand-written so that startup stays fast and errors read plainly.
/// </summary>
internal static class ArgumentParser
{
    /// <summary>Parses <paramref name="args"/> against <paramref name="specs"/>, with no environment.</summary>
    /// <exception cref="CommandFailure">An unknown option, a missing value, a repeated single option, or a missing required option.</exception>
    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs) =>
        Parse(args, specs, _ => null);

    /// <summary>
    /// Parses <paramref name="args"/> against <paramref name="specs"/>; an option with an
    /// <see cref="OptionSpec.EnvironmentVariable"/> that the command line lacks takes that
    /// variable's value from <paramref name="environment"/> when it is set and not empty.
    /// </summary>
    /// <exception cref="CommandFailure">An unknown option, a missing value, a repeated single option, or a missing required option.</exception>
    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlyList<OptionSpec> specs, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var positionals = new List<string>();
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                help = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                positionals.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];
            var spec = specs.FirstOrDefault(s => s.Name == name)
                ?? throw CommandFailure.Usage($"unknown option '--{name}'");
            var list = values.TryGetValue(name, out var existing) ? existing : values[name] = [];
            if (spec.Arity == OptionArity.Flag)
            {
                if (equals >= 0)
                {
                    throw CommandFailure.Usage($"--{name} takes no value");
                }

                list.Add("true");
                continue;
            }

            if (spec.Arity == OptionArity.Single && list.Count > 0)
            {
                throw CommandFailure.Usage($"--{name} is given more than once");
            }

            if (equals >= 0)
            {
                list.Add(arg[(equals + 1)..]);
            }
            else if (i + 1 < args.Count && !IsOption(args[i + 1]))
            {
                list.Add(args[++i]);
                while (spec.Arity == OptionArity.Many && i + 1 < args.Count && !IsOption(args[i + 1]))
                {
                    list.Add(args[++i]);
                }
            }
            else
            {
                throw CommandFailure.Usage($"--{name} needs a value ({spec.ValueName})");
            }
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

        if (!help)
        {
            foreach (var spec in specs)
            {
                if (spec.Required && !values.ContainsKey(spec.Name))
                {
                    throw CommandFailure.Usage($"missing {spec.Synopsis}");
                }
            }
        }

        return new ParsedArguments(values, positionals, help, variables);
    }

    private static bool IsOption(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 || arg == "-h";
}

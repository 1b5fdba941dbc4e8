using System.Globalization;

namespace MuScore.Cli.Arguments;

/// <summary>The options and positional words of one command line, already checked against the command's specs.</summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, List<string>> values;
    private readonly IReadOnlyDictionary<string, string> variables;

    /// <param name="values">Each option's values.</param>
    /// <param name="positionals">Words that are not options.</param>
    /// <param name="helpRequested">Whether --help or -h was given.</param>
    /// <param name="variables">Option name to the environment variable its value came from, for options the command line lacked.</param>
    public ParsedArguments(Dictionary<string, List<string>> values, IReadOnlyList<string> positionals, bool helpRequested, IReadOnlyDictionary<string, string>? variables = null)
    {
        this.values = values;
        Positionals = positionals;
        HelpRequested = helpRequested;
        this.variables = variables ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>Words that are not options, in order.</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>Whether --help or -h was given.</summary>
    public bool HelpRequested { get; }

    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>Whether the option was written on the command line, not taken from an environment variable.</summary>
    public bool GivenOnCommandLine(string name) => values.ContainsKey(name) && !variables.ContainsKey(name);

    public string? Value(string name) => values.TryGetValue(name, out var list) ? list[0] : null;

    /// <summary>Where the option's value came from, for messages: "--token", or "MUSCORE_TOKEN" when the environment supplied it.</summary>
    public string Source(string name) => variables.TryGetValue(name, out var variable) ? variable : "--" + name;

    public IReadOnlyList<string> Values(string name) => values.TryGetValue(name, out var list) ? list : [];

    /// <summary>The option's value as an integer in a range; null when absent.</summary>
    /// <exception cref="CommandFailure">The value is not such an integer.</exception>
    public long? Integer(string name, long min, long max)
    {
        var text = Value(name);
        if (text is null)
        {
            return null;
        }

        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw CommandFailure.Usage(FormattableString.Invariant($"--{name} '{text}' is not a whole number from {min} to {max}"));
        }

        return value;
    }

    /// <summary>The option's value as a number in a range; null when absent.</summary>
    /// <exception cref="CommandFailure">The value is not such a number.</exception>
    public double? Number(string name, double min, double max)
    {
        var text = Value(name);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw CommandFailure.Usage(FormattableString.Invariant($"--{name} '{text}' is not a number from {min} to {max}"));
        }

        return value;
    }
}

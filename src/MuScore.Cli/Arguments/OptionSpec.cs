namespace MuScore.Cli.Arguments;

/// <summary>How many values an option takes.</summary>
internal enum OptionArity
{
    /// <summary>A switch with no value.</summary>
    Flag,

    /// <summary>Exactly one value (given once).</summary>
    Single,

    /// <summary>One or more values: "--opt a b" or "--opt a --opt b".</summary>
    Many,
}

/// <summary>One option a command accepts.</summary>
/// <param name="Name">Long name without dashes, e.g. "input".</param>
/// <param name="ValueName">Placeholder shown in help, e.g. "FILE"; null for flags.</param>
/// <param name="Help">One line of help.</param>
/// <param name="Arity">Number of values.</param>
/// <param name="Required">Whether the command fails without it.</param>
/// <param name="EnvironmentVariable">
/// The environment variable that stands in for the option when the command line lacks it (a
/// secret such as a token stays out of shell history and process lists); null for none.
/// </param>
internal sealed record OptionSpec(string Name, string? ValueName, string Help, OptionArity Arity, bool Required = false, string? EnvironmentVariable = null)
{
    public static OptionSpec Flag(string name, string help) => new(name, null, help, OptionArity.Flag);

    public static OptionSpec Value(string name, string valueName, string help, bool required = false, string? environmentVariable = null) =>
        new(name, valueName, help, OptionArity.Single, required, environmentVariable);

    public static OptionSpec Values(string name, string valueName, string help) =>
        new(name, valueName, help, OptionArity.Many);

    /// <summary>"--input FILE" or "--history FILE..." as help shows it.</summary>
    public string Synopsis => Arity switch
    {
        OptionArity.Flag => "--" + Name,
        OptionArity.Many => $"--{Name} {ValueName}...",
        _ => $"--{Name} {ValueName}",
    };
}

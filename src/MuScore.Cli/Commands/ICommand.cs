using MuScore.Cli.Arguments;

namespace MuScore.Cli.Commands;

/// <summary>One verb of the command line.</summary>
internal interface ICommand
{
    /// <summary>The verb, e.g. "rate".</summary>
    string Name { get; }

    /// <summary>One line for the general help.</summary>
    string Summary { get; }

    /// <summary>The usage line after "muscore", e.g. "rate --input FILE ...".</summary>
    string Usage { get; }

    /// <summary>Paragraphs of help after the options.</summary>
    string Details { get; }

    /// <summary>The options the verb accepts.</summary>
    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>What the verb's positional words are, e.g. "ACTION" or "CODE"; null when it takes none (a stray word is then an error).</summary>
    string? Words => null;

    /// <summary>The first words tab completion offers, e.g. the actions "new" or "list", "verify".</summary>
    IReadOnlyList<string> WordChoices => [];

    /// <summary>Runs the verb; returns the exit code or throws <see cref="CommandFailure"/>.</summary>
    int Run(ParsedArguments args, CliConsole console);
}

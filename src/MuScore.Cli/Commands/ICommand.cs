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

    /// <summary>Runs the verb; returns the exit code or throws <see cref="CommandFailure"/>.</summary>
    int Run(ParsedArguments args, CliConsole console);
}

using MuScore.Cli.Arguments;

namespace MuScore.Cli.Auditing;

/// <summary>One action of "muscore audit" (the word after it: verify, …), each with its own options.</summary>
internal interface IAuditAction
{
    /// <summary>The word that selects it, e.g. "verify".</summary>
    string Name { get; }

    /// <summary>The usage line after "muscore", e.g. "audit verify --store …".</summary>
    string Usage { get; }

    /// <summary>Paragraphs of help for this action.</summary>
    string Details { get; }

    /// <summary>The options this action accepts; any other option of the audit command is refused.</summary>
    IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Runs the action; returns the exit code or throws <see cref="CommandFailure"/>.</summary>
    int Run(ParsedArguments args, CliConsole console);
}

using Spectre.Console;

namespace MuScore.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, messages and progress to <see cref="Error"/>.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="TerminalWidth">
/// The terminal's width in cells when standard output is a terminal; null otherwise, and then
/// tables are plain text at a fixed width, with no ANSI codes (scripts and tests read them).
/// </param>
/// <param name="ErrorTerminal">
/// Standard error as a Spectre.Console terminal when it is one: long steps then show progress
/// bars; null (a file, a pipe, a test) keeps the plain progress lines.
/// </param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, int? TerminalWidth = null, IAnsiConsole? ErrorTerminal = null)
{
    /// <summary>Wide enough that a table written to a file or a pipe never wraps a cell.</summary>
    public const int PlainWidth = 200;

    /// <summary>The width tables are laid out for.</summary>
    public int TableWidth => TerminalWidth is > 20 ? TerminalWidth.Value : PlainWidth;

    /// <summary>The process's own console: terminal features only where a terminal is attached.</summary>
    public static CliConsole System()
    {
        int? width = null;
        if (!Console.IsOutputRedirected)
        {
            try
            {
                width = Console.WindowWidth;
            }
            catch (IOException)
            {
                // No window to measure: plain width.
            }
        }

        var error = Console.IsErrorRedirected
            ? null
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return new CliConsole(Console.Out, Console.Error, width, error);
    }
}

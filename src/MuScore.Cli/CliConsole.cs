namespace MuScore.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, messages and progress to <see cref="Error"/>.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="TerminalWidth">
/// The terminal's width in cells when standard output is a terminal; null otherwise, and then
/// tables are plain text at a fixed width, with no ANSI codes (scripts and tests read them).
/// </param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, int? TerminalWidth = null)
{
    /// <summary>The width tables are laid out for.</summary>
    public int TableWidth => TerminalWidth is > 20 ? TerminalWidth.Value : PlainWidth;

    /// <summary>Wide enough that a table written to a file or a pipe never wraps a cell.</summary>
    public const int PlainWidth = 200;
}

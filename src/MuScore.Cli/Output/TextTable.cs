using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MuScore.Cli.Output;

/// <summary>
/// Tables laid out by Spectre.Console, which measures East Asian wide characters as two cells, so
/// that Chinese names keep the columns aligned. Rendered to text with no ANSI codes and no box
/// drawing (columns separated by spaces, numbers right-aligned), trailing spaces trimmed: the same
/// bytes on a terminal, in a file and in a test.
/// </summary>
internal static class TextTable
{
    /// <summary>A table with these headers; a header ending in '>' is a right-aligned (number) column, the '>' not shown.</summary>
    public static Table Create(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var table = new Table().Border(TableBorder.None);
        foreach (var header in headers)
        {
            var right = header.EndsWith('>');
            var column = new TableColumn(new Text(right ? header[..^1] : header)) { Padding = new Padding(0, 0, 2, 0) };
            table.AddColumn(right ? column.RightAligned() : column);
        }

        // The last column needs no gap after it.
        table.Columns[^1].Padding = new Padding(0, 0, 0, 0);
        return table;
    }

    /// <summary>Adds a row of plain text cells (never read as markup: a name with '[' stays as it is).</summary>
    public static void AddRow(Table table, params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(cells);
        table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());
    }

    /// <summary>The table as text lines for a console <paramref name="width"/> cells wide; each line ends in '\n'.</summary>
    public static string Render(IRenderable table, int width)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Write(table);
        var lines = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        return string.Concat(lines.Select(l => l.TrimEnd() + "\n"));
    }
}

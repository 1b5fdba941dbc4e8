using MuScore.Core.Records;

namespace MuScore.Cli.Tests.Sampling;

/// <summary>Generated cells seen as a raw row, so tests can validate them with the real parser.</summary>
internal sealed record TextRow(int RowNumber, string[] Cells) : IRawRow
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);

    public ReadOnlySpan<char> Cell(Field field) => Cells[(int)field];

    public static List<ParsedRow> ParseAll(IEnumerable<string[]> rows)
    {
        var parser = new RecordParser();
        return rows.Select((cells, i) => parser.Parse(new TextRow(i + 2, cells))).ToList();
    }
}

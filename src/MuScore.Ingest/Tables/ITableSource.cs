namespace MuScore.Ingest;

/// <summary>
/// A table file read record by record, as cell text by column index, before any header mapping.
/// CSV and .xlsx implement it; <see cref="InputTable"/> and <see cref="HistoryReader"/> build on it.
/// </summary>
internal interface ITableSource : IDisposable
{
    /// <summary>"csv-utf8", "csv-utf8-bom", "csv-gb18030", "csv-utf16le", "csv-utf16be" or "xlsx".</summary>
    string Format { get; }

    /// <summary>Spreadsheet row number of the current record (first record of a CSV = 1; .xlsx: the sheet's r).</summary>
    int RowNumber { get; }

    /// <summary>Number of cells the current record holds (trailing omitted cells excluded).</summary>
    int CellCount { get; }

    /// <summary>Bytes consumed so far (progress only).</summary>
    long Position { get; }

    /// <summary>Total bytes to consume, or -1 when unknown.</summary>
    long Length { get; }

    /// <summary>Moves to the next record present in the file; false at the end.</summary>
    bool Read();

    /// <summary>A cell of the current record, valid until the next <see cref="Read"/>; empty past <see cref="CellCount"/>.</summary>
    ReadOnlySpan<char> Cell(int column);

    /// <summary>How a column is named to the user: "column 7" in a CSV, "column G" in a sheet.</summary>
    string ColumnName(int column);
}

/// <summary>Helpers shared by every <see cref="ITableSource"/> consumer.</summary>
internal static class TableSourceExtensions
{
    /// <summary>Whether every cell of the current record is empty or white space.</summary>
    public static bool IsBlankRecord(this ITableSource source)
    {
        for (var i = 0; i < source.CellCount; i++)
        {
            if (!source.Cell(i).IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }
}

using System.Globalization;

namespace MuScore.Ingest;

/// <summary>The header record of a table: the first non-blank record, trailing blank cells dropped.</summary>
internal static class HeaderRow
{
    /// <summary>Reads the header from <paramref name="source"/>; throws when the table has none.</summary>
    public static (int RowNumber, string[] Headers) Read(ITableSource source, string displayName)
    {
        while (source.Read())
        {
            if (source.IsBlankRecord())
            {
                continue;
            }

            var width = source.CellCount;
            while (source.Cell(width - 1).IsWhiteSpace())
            {
                width--;
            }

            var headers = new string[width];
            for (var i = 0; i < width; i++)
            {
                headers[i] = source.Cell(i).ToString();
            }

            return (source.RowNumber, headers);
        }

        throw TableFormatException.For(displayName, source.Format == "xlsx" ? "the first worksheet is empty (no header row)" : "the file is empty (no header row)");
    }

    /// <summary>"'tax' (column 9)", how a header is named in messages.</summary>
    public static string Describe(ITableSource source, string[] headers, int column) =>
        string.Create(CultureInfo.InvariantCulture, $"'{headers[column].Trim()}' ({source.ColumnName(column)})");
}

using System.Text;

namespace MuScore.Ingest;

/// <summary>A1-style cell references: column letters A..XFD, then the row number.</summary>
internal static class CellReference
{
    /// <summary>Columns in a sheet: A..XFD.</summary>
    public const int MaxColumns = 16_384;

    /// <summary>Rows in a sheet.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Zero-based column of a reference such as "C12"; -1 when it does not start with 1 to 3 letters naming a column.</summary>
    public static int ParseColumn(ReadOnlySpan<char> reference)
    {
        var column = 0;
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[letters]) - 'A' + 1);
            letters++;
            if (letters > 3)
            {
                return -1;
            }
        }

        return letters == 0 || column > MaxColumns ? -1 : column - 1;
    }

    /// <summary>Letters of a zero-based column: 0 → "A", 26 → "AA".</summary>
    public static string ColumnLetters(int column)
    {
        var builder = new StringBuilder(3);
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            builder.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return builder.ToString();
    }
}

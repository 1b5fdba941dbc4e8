namespace MuScore.Core.Records;

/// <summary>
/// One data row of an input table as text, before validation. Readers (CSV, .xlsx, gRPC) implement
/// it over their own buffers so that the core reads cells without copying them.
/// </summary>
public interface IRawRow
{
    /// <summary>Row number as a spreadsheet shows it: the header is row 1, the first data row row 2.</summary>
    int RowNumber { get; }

    /// <summary>Whether every cell of the row is blank (a blank line inside the data).</summary>
    bool IsBlank { get; }

    /// <summary>The cell text of a field, untrimmed; empty when the column is absent or the cell blank.</summary>
    ReadOnlySpan<char> Cell(Field field);
}

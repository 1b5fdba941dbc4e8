namespace MuScore.Ingest;

/// <summary>
/// Where a row's non-empty cells go, one call per cell: into an array of typed cells
/// (<see cref="XlsxCellArray"/>, for <see cref="IXlsxRowSource.Fill"/>), or straight into the
/// sheet XML (<see cref="SheetRow"/>, for the parallel writer), so one method says what a row
/// holds and both get the same cells. The XML sink takes the columns in increasing order.
/// </summary>
internal interface IXlsxCellSink
{
    /// <summary>Any typed cell (the rare kinds, and empty: nothing).</summary>
    void Cell(int column, in XlsxCell cell);

    /// <summary>An integer: <see cref="XlsxCell.Of(long)"/>.</summary>
    void Whole(int column, long value);

    /// <summary>A figure: <see cref="XlsxNumbers.Of(double)"/>.</summary>
    void Number(int column, double value);

    /// <summary>Text of a column of few distinct values: <see cref="XlsxCell.OfText"/> repeated (null or empty: nothing).</summary>
    void Shared(int column, string? text);

    /// <summary>Text stored inline: <see cref="XlsxCell.OfText"/> (null or empty: nothing).</summary>
    void Text(int column, string? text);
}

/// <summary>The cells of a row as typed cells in an array, one per column; the caller clears it per row.</summary>
internal readonly struct XlsxCellArray(XlsxCell[] cells) : IXlsxCellSink
{
    public void Cell(int column, in XlsxCell cell) => cells[column] = cell;

    public void Whole(int column, long value) => cells[column] = XlsxCell.Of(value);

    public void Number(int column, double value) => cells[column] = XlsxNumbers.Of(value);

    public void Shared(int column, string? text) => cells[column] = XlsxCell.OfText(text, repeated: true);

    public void Text(int column, string? text) => cells[column] = XlsxCell.OfText(text);
}

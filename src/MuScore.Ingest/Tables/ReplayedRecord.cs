namespace MuScore.Ingest;

/// <summary>
/// A record read ahead by <see cref="HeaderSearch"/>, served again as the current record of a
/// source; everything but the cells (format, column names, progress) comes from the real source.
/// </summary>
internal sealed class ReplayedRecord(ITableSource source) : ITableSource
{
    /// <summary>The record served.</summary>
    public BufferedRecord Record { get; set; } = new(0, []);

    public string Format => source.Format;

    public int RowNumber => Record.RowNumber;

    public int CellCount => Record.Cells.Length;

    public long Position => source.Position;

    public long Length => source.Length;

    /// <summary>Never moves: the replaying table sets <see cref="Record"/> instead.</summary>
    public bool Read() => throw new NotSupportedException("A replayed record is set, not read.");

    public ReadOnlySpan<char> Cell(int column) => (uint)column < (uint)Record.Cells.Length ? Record.Cells[column] : default;

    public string ColumnName(int column) => source.ColumnName(column);

    /// <summary>The real source is disposed by its owner.</summary>
    public void Dispose()
    {
    }
}

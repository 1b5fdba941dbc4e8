namespace MuScore.Ingest;

/// <summary>
/// The rows of a table as typed cells, by index, for <see cref="WorkbookWriter.WriteRows(int, Func{IXlsxRowSource}, Action{int})"/>:
/// each thread writing blocks of rows gets a source of its own, so a source may reuse one array
/// of cells between calls.
/// </summary>
public interface IXlsxRowSource
{
    /// <summary>The cells of row <paramref name="row"/> (0-based), one per header; valid until the next call.</summary>
    ReadOnlySpan<XlsxCell> Fill(int row);

    /// <summary>
    /// The <see cref="XlsxCellKind.SharedText"/> cells of row <paramref name="row"/> as <see cref="Fill"/>
    /// gives them, in column order (other cells may be left out or empty): the writer numbers the
    /// shared strings from these, row by row, before the rows are written in parallel.
    /// </summary>
    ReadOnlySpan<XlsxCell> FillShared(int row) => Fill(row);
}

namespace MuScore.Ingest;

/// <summary>
/// A row source that also writes a row's cells straight into the sheet XML, the same cells as its
/// <see cref="IXlsxRowSource.Fill"/> without the array of typed cells in between (filling and
/// reading back that array was a fifth of the workbook's CPU at a million rows).
/// <see cref="WorkbookWriter.WriteRows(int, Func{IXlsxRowSource}, Action{int})"/> uses it when the source has it.
/// </summary>
internal interface IXlsxRowWriter
{
    /// <summary>The non-empty cells of row <paramref name="row"/> (0-based), in column order, into <paramref name="sheetRow"/>.</summary>
    void Write(ref SheetRow sheetRow, int row);
}

using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace MuScore.Ingest;

/// <summary>
/// Writes a one-sheet .xlsx in constant memory: the sheet XML streams straight into its zip entry
/// and text is written as inline strings (no shared-string table grows). The header row is bold
/// and frozen. Output is deterministic: fixed entry order, fixed 1980-01-01 timestamps, fixed
/// compression level, no document properties.
/// </summary>
public sealed class XlsxTableWriter : IDisposable
{
    /// <summary>Data rows a sheet can hold below its header.</summary>
    public const int MaxRows = CellReference.MaxRows - 1;

    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Encoding Utf8 = new UTF8Encoding(false, true);
    private static readonly SearchValues<char> SheetNameForbidden = SearchValues.Create(":\\/?*[]");

    private readonly ZipArchive archive;
    private readonly StreamWriter sheet;
    private readonly string[] columns;
    private readonly XlsxColumnKind[] kinds;
    private readonly char[] number = new char[16];
    private int rowNumber;
    private bool disposed;

    /// <summary>Creates (or replaces) the file at <paramref name="path"/> and writes the header row.</summary>
    public XlsxTableWriter(string path, IReadOnlyList<string> headers, IReadOnlyList<XlsxColumnKind> kinds, string sheetName = "Sheet1")
        : this(CreateFile(path), headers, kinds, sheetName, leaveOpen: false)
    {
    }

    /// <summary>
    /// Writes the workbook to <paramref name="stream"/>, one <paramref name="kinds"/> entry per
    /// header; disposes the stream at the end unless <paramref name="leaveOpen"/>.
    /// </summary>
    public XlsxTableWriter(Stream stream, IReadOnlyList<string> headers, IReadOnlyList<XlsxColumnKind> kinds, string sheetName = "Sheet1", bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(kinds);
        if (headers.Count == 0 || headers.Count != kinds.Count || headers.Count > CellReference.MaxColumns)
        {
            throw new ArgumentException($"A sheet needs 1 to {CellReference.MaxColumns} columns and one kind per header.", nameof(kinds));
        }

        CheckSheetName(sheetName);
        columns = Enumerable.Range(0, headers.Count).Select(CellReference.ColumnLetters).ToArray();
        this.kinds = kinds.ToArray();
        archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen);
        AddPart("[Content_Types].xml", XlsxTemplates.ContentTypes);
        AddPart("_rels/.rels", XlsxTemplates.RootRelations);
        AddPart("xl/workbook.xml", XlsxTemplates.Workbook(sheetName));
        AddPart("xl/_rels/workbook.xml.rels", XlsxTemplates.WorkbookRelations);
        AddPart("xl/styles.xml", XlsxTemplates.Styles);
        sheet = new StreamWriter(NewEntry("xl/worksheets/sheet1.xml").Open(), Utf8, 64 * 1024);
        sheet.Write(XlsxTemplates.SheetHead(headers));
        WriteRow(headers.ToArray(), header: true);
    }

    /// <summary>Rows written after the header.</summary>
    public int RowsWritten => Math.Max(0, rowNumber - 1);

    /// <summary>Writes one row: one cell per header; null or empty is an empty cell.</summary>
    public void WriteRow(IReadOnlyList<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        WriteRow(cells as string?[] ?? cells.ToArray(), header: false);
    }

    /// <summary>Writes one row from a span: one cell per header.</summary>
    public void WriteRow(ReadOnlySpan<string?> cells) => WriteRow(cells, header: false);

    /// <summary>Closes the sheet and the archive; the workbook is complete only after this.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        sheet.Write(XlsxTemplates.SheetTail);
        sheet.Dispose();
        archive.Dispose();
    }

    private static FileStream CreateFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
    }

    private static void CheckSheetName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > 31 || name.AsSpan().ContainsAny(SheetNameForbidden) || name.StartsWith('\'') || name.EndsWith('\''))
        {
            throw new ArgumentException("A sheet name has 1 to 31 characters, none of : \\ / ? * [ ], and does not start or end with an apostrophe.", nameof(name));
        }
    }

    /// <summary>Whether text is a plain number Excel stores as is: -12.5, 3, 1E-3.</summary>
    internal static bool IsPlainNumber(ReadOnlySpan<char> text) =>
        text.Length > 0 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]) && !text.Contains(',')
        && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
        && double.IsFinite(value);

    private ZipArchiveEntry NewEntry(string name)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        return entry;
    }

    private void AddPart(string name, string content)
    {
        using var writer = new StreamWriter(NewEntry(name).Open(), Utf8);
        writer.Write(content);
    }

    private void WriteRow(ReadOnlySpan<string?> cells, bool header)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"The row has {cells.Length} cells but the sheet has {columns.Length} columns.", nameof(cells));
        }

        if (rowNumber == CellReference.MaxRows)
        {
            throw new InvalidOperationException($"An .xlsx sheet holds at most {MaxRows} data rows.");
        }

        rowNumber++;
        sheet.Write("<row r=\"");
        WriteInt(rowNumber);
        sheet.Write("\">");
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            if (string.IsNullOrEmpty(cell))
            {
                continue;
            }

            sheet.Write("<c r=\"");
            sheet.Write(columns[i]);
            WriteInt(rowNumber);
            if (!header && kinds[i] == XlsxColumnKind.Number && IsPlainNumber(cell))
            {
                sheet.Write("\"><v>");
                sheet.Write(cell);
                sheet.Write("</v></c>");
                continue;
            }

            sheet.Write(header ? "\" s=\"1\" t=\"inlineStr\"><is><t" : "\" t=\"inlineStr\"><is><t");
            sheet.Write(char.IsWhiteSpace(cell[0]) || char.IsWhiteSpace(cell[^1]) ? " xml:space=\"preserve\">" : ">");
            XmlText.Write(sheet, cell);
            sheet.Write("</t></is></c>");
        }

        sheet.Write("</row>");
    }

    private void WriteInt(int value)
    {
        value.TryFormat(number, out var written, provider: CultureInfo.InvariantCulture);
        sheet.Write(number, 0, written);
    }
}

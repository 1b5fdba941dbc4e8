using System.Text;

namespace MuScore.Ingest;

/// <summary>
/// Writes a table of typed cells (<see cref="XlsxCell"/>) to an .xlsx, for tables of millions of
/// rows: the sheet XML goes straight to bytes, in blocks deflated on all cores
/// (<see cref="ParallelDeflateEntry"/>), into a zip written by hand (<see cref="ZipWriter"/>).
/// Measured against SpreadCheetah on ratings.xlsx of a million rows in docs/benchmarks.md
/// ("ratings.xlsx"); <see cref="XlsxTableWriter"/> stays the writer of small tables.
/// The cells are what <see cref="XlsxTableWriter"/> shows for the same table: numbers as numbers,
/// text as text, a bold frozen header row, and sheets "name", "name (2)", … of at most
/// <see cref="XlsxTableWriter.MaxRows"/> rows each, the header repeated. Empty cells are not
/// written (the next cell carries its reference); text of columns marked repeated goes into the
/// shared string table (a bounded one). The bytes depend only on the cells: fixed zip times, no
/// document properties, fixed block boundaries; the sheets are deflated by <see cref="MarkupDeflater"/>
/// (the row writer marks each value, the markup between values goes out as back-references), the
/// small parts by zlib at a fixed level.
/// Rows come either one by one (<see cref="WriteRow"/>: the XML on the caller's thread, deflated on
/// the thread pool) or as a whole table (<see cref="WriteRows(int, Func{IXlsxRowSource}, Action{int})"/>:
/// blocks of rows written and deflated on every core). Both give the same XML; the zip's bytes
/// differ only where the deflate blocks are cut.
/// </summary>
public sealed partial class WorkbookWriter : IDisposable
{
    /// <summary>zlib level 1 for the small parts (styles, workbook, relationships): fixed, so the bytes are too.</summary>
    internal const int DefaultLevel = 1;

    /// <summary>
    /// Rows per block of <see cref="WriteRows(int, Func{IXlsxRowSource}, Action{int})"/>: about 0.9 MB
    /// of XML for a ratings row, so a 500-row table is one block (and the same bytes as
    /// <see cref="WriteRow"/> gives), and a million rows are ~1,000 blocks for an even load.
    /// </summary>
    internal const int DefaultBlockRows = 1024;

    private readonly Stream stream;
    private readonly Stream archive;
    private readonly bool leaveOpen;
    private readonly ZipWriter zip;
    private readonly string[] headers;
    private readonly string sheetName;
    private readonly int rowsPerSheet;
    private readonly int level;
    private readonly byte[][] columnNames;
    private readonly List<string> sheetNames = [];
    private readonly WorkbookSharedStrings shared = new();
    private readonly SheetRowWriter rowWriter;
    private readonly SheetXmlBuffer xml = new();
    private ParallelDeflateEntry? sheet;
    private long sharedReferences;
    private int rowsInSheet;
    private int rowNumber;
    private bool tableWritten;
    private bool failed;
    private bool disposed;

    /// <summary>Writes the workbook to <paramref name="stream"/>; disposes the stream at the end unless <paramref name="leaveOpen"/>.</summary>
    public WorkbookWriter(Stream stream, IReadOnlyList<string> headers, string sheetName, bool leaveOpen = false)
        : this(stream, headers, sheetName, leaveOpen, XlsxTableWriter.MaxRows, DefaultLevel)
    {
    }

    /// <summary>As the public constructor, with a sheet length small enough for tests of the split, and the small parts' zlib level.</summary>
    internal WorkbookWriter(Stream stream, IReadOnlyList<string> headers, string sheetName, bool leaveOpen, int rowsPerSheet, int level)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Count is 0 or > CellReference.MaxColumns)
        {
            throw new ArgumentException($"A sheet needs 1 to {CellReference.MaxColumns} columns.", nameof(headers));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerSheet, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowsPerSheet, XlsxTableWriter.MaxRows);
        XlsxTableWriter.CheckSheetName(sheetName);
        this.stream = stream;
        this.leaveOpen = leaveOpen;

        // Local headers are completed by seeking back, never read: any seekable stream takes the zip
        // in place (muscore rate's output file is write-only: a temporary file and a copy of it at
        // the end were 2 × 218 MB more through the page cache at 1M rows); any other gets the
        // archive from a temporary file.
        archive = stream.CanSeek && stream.CanWrite ? stream : XlsxTableWriter.TemporaryFile();
        zip = new ZipWriter(archive);
        this.headers = headers.Select(XmlText.Clean).ToArray();
        this.sheetName = sheetName;
        this.rowsPerSheet = rowsPerSheet;
        this.level = level;
        columnNames = Enumerable.Range(0, this.headers.Length).Select(i => Encoding.ASCII.GetBytes(CellReference.ColumnLetters(i))).ToArray();
        rowWriter = new SheetRowWriter(columnNames, shared);
    }

    /// <summary>Rows written after the header, over all sheets.</summary>
    public int RowsWritten { get; private set; }

    /// <summary>Sheets started so far.</summary>
    public int SheetCount => sheetNames.Count;

    /// <summary>Writes one row: one cell per header.</summary>
    public void WriteRow(ReadOnlySpan<XlsxCell> cells)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (tableWritten)
        {
            throw new InvalidOperationException("The whole table was written by WriteRows.");
        }

        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"The row has {cells.Length} cells but the sheet has {headers.Length} columns.", nameof(cells));
        }

        if (sheet is null)
        {
            StartSheet();
        }
        else if (rowsInSheet == rowsPerSheet)
        {
            EndSheet();
            StartSheet();
        }

        rowNumber++;
        rowWriter.Write(xml, cells, rowNumber);
        rowsInSheet++;
        RowsWritten++;
        if (xml.IsFull)
        {
            sheet!.Add(xml.TakeBlock());
        }
    }

    /// <summary>Finishes the workbook and closes the stream (unless left open); the file is complete only after this.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            if (failed)
            {
                return;
            }

            if (!tableWritten)
            {
                if (sheet is null)
                {
                    StartSheet();
                }

                EndSheet();
            }

            WriteSharedStrings();
            zip.AddEntry("xl/styles.xml", Encoding.UTF8.GetBytes(WorkbookParts.Styles()), level);
            zip.AddEntry("xl/workbook.xml", Encoding.UTF8.GetBytes(WorkbookParts.Workbook(sheetNames)), level);
            zip.AddEntry("xl/_rels/workbook.xml.rels", Encoding.UTF8.GetBytes(WorkbookParts.WorkbookRelationships(sheetNames.Count)), level);
            zip.AddEntry("_rels/.rels", Encoding.UTF8.GetBytes(WorkbookParts.PackageRelationshipsPart()), level);
            zip.AddEntry("[Content_Types].xml", Encoding.UTF8.GetBytes(WorkbookParts.ContentTypesPart(sheetNames.Count)), level);
            zip.Finish();
            if (archive != stream)
            {
                archive.Position = 0;
                archive.CopyTo(stream);
            }

            stream.Flush();
        }
        finally
        {
            sheet?.Abandon();
            xml.Dispose();
            if (archive != stream)
            {
                archive.Dispose();
            }

            if (!leaveOpen)
            {
                stream.Dispose();
            }
        }
    }

    private void StartSheet()
    {
        sheetNames.Add(XlsxTableWriter.SheetName(sheetName, sheetNames.Count + 1));
        sheet = new ParallelDeflateEntry(zip, WorkbookParts.SheetPath(sheetNames.Count));
        WriteSheetStart(xml);
        rowsInSheet = 0;
        rowNumber = 1;
    }

    /// <summary>The sheet's opening and its bold header row.</summary>
    private void WriteSheetStart(SheetXmlBuffer target)
    {
        WorkbookParts.SheetStart(target, headers);
        target.Append("<row>"u8);
        foreach (var header in headers)
        {
            target.Append("<c"u8);
            SheetRowWriter.WriteInline(target, header, bold: true);
        }

        target.Append("</row>"u8);
    }

    private void EndSheet()
    {
        WorkbookParts.SheetEnd(xml);
        sheet!.Add(xml.TakeBlock());
        sheet.Finish();
        sheet = null;
    }

    private void WriteSharedStrings()
    {
        using var part = new SheetXmlBuffer();
        // References from WriteRow's writer and from WriteRows' workers (only one of them writes rows).
        WorkbookParts.SharedStrings(part, shared.Texts, sharedReferences + rowWriter.SharedReferences);
        zip.AddEntry("xl/sharedStrings.xml", part.ToArray(), level);
    }
}

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
/// document properties, fixed block boundaries and compression level.
/// </summary>
public sealed class WorkbookWriter : IDisposable
{
    /// <summary>zlib level 1: measured fastest per byte written in docs/benchmarks.md, and fixed, so the bytes are too.</summary>
    internal const int DefaultLevel = 1;

    /// <summary>Distinct shared strings kept; later new texts are written inline, so memory stays bounded.</summary>
    private const int MaxSharedStrings = 1 << 16;

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
    private readonly Dictionary<string, int> sharedIndex = new(StringComparer.Ordinal);
    private readonly List<string> shared = [];
    private readonly string?[] lastShared;
    private readonly int[] lastSharedIndex;
    private SheetXmlBuffer xml = new();
    private ParallelDeflateEntry? sheet;
    private long sharedReferences;
    private int rowsInSheet;
    private int rowNumber;
    private bool disposed;

    /// <summary>Writes the workbook to <paramref name="stream"/>; disposes the stream at the end unless <paramref name="leaveOpen"/>.</summary>
    public WorkbookWriter(Stream stream, IReadOnlyList<string> headers, string sheetName, bool leaveOpen = false)
        : this(stream, headers, sheetName, leaveOpen, XlsxTableWriter.MaxRows, DefaultLevel)
    {
    }

    /// <summary>As the public constructor, with a sheet length small enough for tests of the split, and a compression level.</summary>
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

        // Local headers are completed by seeking back; any other stream gets the archive from a temporary file.
        archive = stream.CanSeek && stream.CanRead ? stream : XlsxTableWriter.TemporaryFile();
        zip = new ZipWriter(archive);
        this.headers = headers.Select(XmlText.Clean).ToArray();
        this.sheetName = sheetName;
        this.rowsPerSheet = rowsPerSheet;
        this.level = level;
        columnNames = Enumerable.Range(0, this.headers.Length).Select(i => Encoding.ASCII.GetBytes(CellReference.ColumnLetters(i))).ToArray();
        lastShared = new string?[this.headers.Length];
        lastSharedIndex = new int[this.headers.Length];
        StartSheet();
    }

    /// <summary>Rows written after the header, over all sheets.</summary>
    public int RowsWritten { get; private set; }

    /// <summary>Sheets started so far.</summary>
    public int SheetCount => sheetNames.Count;

    /// <summary>Writes one row: one cell per header.</summary>
    public void WriteRow(ReadOnlySpan<XlsxCell> cells)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"The row has {cells.Length} cells but the sheet has {headers.Length} columns.", nameof(cells));
        }

        if (rowsInSheet == rowsPerSheet)
        {
            EndSheet();
            StartSheet();
        }

        rowNumber++;
        xml.Append("<row>"u8);
        var next = 0;
        for (var i = 0; i < cells.Length; i++)
        {
            ref readonly var cell = ref cells[i];
            if (cell.Kind == XlsxCellKind.Empty)
            {
                continue;
            }

            WriteCellStart(i, next);
            next = i + 1;
            switch (cell.Kind)
            {
                case XlsxCellKind.SharedText:
                    WriteShared(i, cell.Text);
                    break;
                case XlsxCellKind.Text:
                    WriteInline(cell.Text, bold: false);
                    break;
                default:
                    xml.Append("><v>"u8);
                    xml.Advance(XlsxNumbers.Write(cell, xml.Reserve(XlsxNumbers.MaxLength)));
                    xml.Append("</v></c>"u8);
                    break;
            }
        }

        xml.Append("</row>"u8);
        rowsInSheet++;
        RowsWritten++;
        if (xml.IsFull)
        {
            var (block, length) = xml.TakeBlock();
            sheet!.Add(block, length);
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
            EndSheet();
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
        sheet = new ParallelDeflateEntry(zip, WorkbookParts.SheetPath(sheetNames.Count), level);
        WorkbookParts.SheetStart(xml, headers);
        xml.Append("<row>"u8);
        foreach (var header in headers)
        {
            xml.Append("<c"u8);
            WriteInline(header, bold: true);
        }

        xml.Append("</row>"u8);
        rowsInSheet = 0;
        rowNumber = 1;
    }

    private void EndSheet()
    {
        WorkbookParts.SheetEnd(xml);
        var (block, length) = xml.TakeBlock();
        sheet!.Add(block, length);
        sheet.Finish();
        sheet = null;
    }

    /// <summary>"&lt;c", with the cell's reference when cells before it were left out.</summary>
    private void WriteCellStart(int column, int next)
    {
        xml.Append("<c"u8);
        if (column != next)
        {
            xml.Append(" r=\""u8);
            xml.Append(columnNames[column]);
            var free = xml.Reserve(11);
            rowNumber.TryFormat(free, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
            xml.Advance(written);
            xml.Append("\""u8);
        }
    }

    private void WriteInline(string text, bool bold)
    {
        var clean = XmlText.Clean(text);
        xml.Append(bold ? " t=\"inlineStr\" s=\"1\"><is>"u8 : " t=\"inlineStr\"><is>"u8);
        xml.Append(clean.Length > 0 && WorkbookParts.NeedsPreserve(clean) ? "<t xml:space=\"preserve\">"u8 : "<t>"u8);
        xml.AppendText(clean);
        xml.Append("</t></is></c>"u8);
    }

    private void WriteShared(int column, string text)
    {
        int index;
        if (ReferenceEquals(text, lastShared[column]))
        {
            index = lastSharedIndex[column];
        }
        else if (!sharedIndex.TryGetValue(text, out index))
        {
            var clean = XmlText.Clean(text);
            if (shared.Count == MaxSharedStrings || clean.Length == 0)
            {
                WriteInline(text, bold: false);
                return;
            }

            index = shared.Count;
            shared.Add(clean);
            sharedIndex.Add(text, index);
        }

        lastShared[column] = text;
        lastSharedIndex[column] = index;
        sharedReferences++;
        xml.Append(" t=\"s\"><v>"u8);
        index.TryFormat(xml.Reserve(11), out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        xml.Advance(written);
        xml.Append("</v></c>"u8);
    }

    private void WriteSharedStrings()
    {
        using var part = new SheetXmlBuffer();
        WorkbookParts.SharedStrings(part, shared, sharedReferences);
        zip.AddEntry("xl/sharedStrings.xml", part.ToArray(), level);
    }
}

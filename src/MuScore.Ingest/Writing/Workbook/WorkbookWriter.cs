using System.IO.Hashing;
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
/// Rows come either one by one (<see cref="WriteRow"/>: the XML on the caller's thread, deflated on
/// the thread pool) or as a whole table (<see cref="WriteRows(int, Func{IXlsxRowSource}, Action{int})"/>:
/// blocks of rows written and deflated on every core). Both give the same XML; the zip's bytes
/// differ only where the deflate blocks are cut.
/// </summary>
public sealed class WorkbookWriter : IDisposable
{
    /// <summary>zlib level 1: measured fastest per byte written in docs/benchmarks.md, and fixed, so the bytes are too.</summary>
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
            var (block, length) = xml.TakeBlock();
            sheet!.Add(block, length);
        }
    }

    /// <summary>
    /// Writes the whole table, rows 0 to <paramref name="count"/> − 1 of the sources, on every core:
    /// the shared strings are numbered first, row by row on this thread, then blocks of rows are
    /// written and deflated by one worker per core (each with a source of its own from
    /// <paramref name="newSource"/>) and appended here in order. <paramref name="rowsDone"/> hears
    /// the rows appended so far, after each block. Only on a writer no row has been written to;
    /// the workbook is then finished by <see cref="Dispose"/>.
    /// </summary>
    public void WriteRows(int count, Func<IXlsxRowSource> newSource, Action<int>? rowsDone = null) =>
        WriteRows(count, newSource, rowsDone, DefaultBlockRows, Environment.ProcessorCount);

    /// <summary>As the public overload, with the rows per block and the workers chosen (tests show the bytes do not depend on them but on the block size).</summary>
    internal void WriteRows(int count, Func<IXlsxRowSource> newSource, Action<int>? rowsDone, int blockRows, int workers)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentNullException.ThrowIfNull(newSource);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        if (tableWritten || sheetNames.Count > 0)
        {
            throw new InvalidOperationException("WriteRows writes the whole table: once, on a writer no row has been written to.");
        }

        // Until the table is complete a failure leaves a workbook Dispose must not finish.
        tableWritten = true;
        failed = true;
        NumberSharedStrings(count, newSource());
        var blocks = SheetBlocks(count, blockRows);
        workers = Math.Min(workers, blocks.Length);

        // Made here, so a source that cannot be made fails on this thread, not in a worker the appender waits for.
        var sources = Enumerable.Range(0, workers).Select(_ => newSource()).ToArray();
        using var ring = new OrderedBlockRing<SheetBlockSlot>(workers * 2, () => new SheetBlockSlot(), slot => slot.Xml.Clear());
        var references = new long[workers];
        var tasks = new Task[workers];
        var next = -1;
        for (var w = 0; w < workers; w++)
        {
            var worker = w;
            tasks[w] = Task.Factory.StartNew(
                () =>
                {
                    var source = sources[worker];
                    var rows = new SheetRowWriter(columnNames, shared);
                    for (var b = Interlocked.Increment(ref next); b < blocks.Length; b = Interlocked.Increment(ref next))
                    {
                        var block = blocks[b];
                        ring.Fill(b, slot => WriteBlock(slot, block, source, rows));
                    }

                    references[worker] = rows.SharedReferences;
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        try
        {
            AppendBlocks(blocks, ring, rowsDone);
        }
        catch
        {
            // Stop the workers before the caller deletes what was written.
            ring.Cancel();
            BlockWorkers.WaitQuietly(tasks);
            throw;
        }

        Task.WaitAll(tasks);
        sharedReferences += references.Sum();
        RowsWritten = count;
        failed = false;
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
        sheet = new ParallelDeflateEntry(zip, WorkbookParts.SheetPath(sheetNames.Count), level);
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
        var (block, length) = xml.TakeBlock();
        sheet!.Add(block, length);
        sheet.Finish();
        sheet = null;
    }

    /// <summary>Numbers the shared strings as <see cref="WriteRow"/> would meet them: row by row, column by column.</summary>
    private void NumberSharedStrings(int count, IXlsxRowSource source)
    {
        var last = new string?[headers.Length];
        for (var row = 0; row < count; row++)
        {
            var cells = source.FillShared(row);
            for (var i = 0; i < cells.Length && i < last.Length; i++)
            {
                if (cells[i].Kind == XlsxCellKind.SharedText && !ReferenceEquals(cells[i].Text, last[i]))
                {
                    last[i] = cells[i].Text;
                    shared.IndexOf(last[i]!);
                }
            }
        }

        shared.Freeze();
    }

    /// <summary>The blocks of a table: each within one sheet, at least one per sheet (a sheet of no rows has its header).</summary>
    private SheetBlock[] SheetBlocks(int count, int blockRows)
    {
        var blocks = new List<SheetBlock>();
        var sheets = Math.Max(1, (int)(((long)count + rowsPerSheet - 1) / rowsPerSheet));
        for (var s = 0; s < sheets; s++)
        {
            var sheetStart = s * rowsPerSheet;
            var sheetEnd = (int)Math.Min(count, (long)sheetStart + rowsPerSheet);
            for (var start = sheetStart; ; start += blockRows)
            {
                var end = (int)Math.Min(sheetEnd, (long)start + blockRows);
                blocks.Add(new SheetBlock(s, sheetStart, start, end, start == sheetStart, end == sheetEnd));
                if (end == sheetEnd)
                {
                    break;
                }
            }
        }

        return [.. blocks];
    }

    /// <summary>Worker side: one block's XML (the sheet's opening before its first row, its end after its last), deflated.</summary>
    private void WriteBlock(SheetBlockSlot slot, SheetBlock block, IXlsxRowSource source, SheetRowWriter rows)
    {
        if (block.First)
        {
            WriteSheetStart(slot.Xml);
        }

        for (var row = block.Start; row < block.End; row++)
        {
            // Sheet row 1 is the header.
            rows.Write(slot.Xml, source.Fill(row), row - block.SheetStart + 2);
        }

        if (block.Last)
        {
            WorkbookParts.SheetEnd(slot.Xml);
        }

        slot.SetCompressed(DeflateBlocks.CompressRented(slot.Xml.Written, level, final: false));
    }

    /// <summary>Appender side: the blocks into the zip in order, a sheet entry per sheet, the CRC-32 over the XML.</summary>
    private void AppendBlocks(SheetBlock[] blocks, OrderedBlockRing<SheetBlockSlot> ring, Action<int>? rowsDone)
    {
        var crc = new Crc32();
        long size = 0;
        for (var b = 0; b < blocks.Length; b++)
        {
            var block = blocks[b];
            if (block.First)
            {
                sheetNames.Add(XlsxTableWriter.SheetName(sheetName, sheetNames.Count + 1));
                zip.BeginEntry(WorkbookParts.SheetPath(sheetNames.Count));
                crc.Reset();
                size = 0;
            }

            var slot = ring.Take(b);
            crc.Append(slot.Xml.Written);
            size += slot.Xml.Length;
            zip.WriteData(slot.Compressed.AsSpan(0, slot.CompressedLength));
            ring.Release(b);
            if (block.Last)
            {
                zip.WriteData(DeflateBlocks.FinalBlock);
                zip.EndEntry(crc.GetCurrentHashAsUInt32(), size);
            }

            rowsDone?.Invoke(block.End);
        }
    }


    private void WriteSharedStrings()
    {
        using var part = new SheetXmlBuffer();
        // References from WriteRow's writer and from WriteRows' workers (only one of them writes rows).
        WorkbookParts.SharedStrings(part, shared.Texts, sharedReferences + rowWriter.SharedReferences);
        zip.AddEntry("xl/sharedStrings.xml", part.ToArray(), level);
    }

    /// <summary>Rows [<see cref="Start"/>, <see cref="End"/>) of sheet <see cref="Sheet"/>, whose first row is <see cref="SheetStart"/>.</summary>
    private readonly record struct SheetBlock(int Sheet, int SheetStart, int Start, int End, bool First, bool Last);
}

using System.IO.Hashing;

namespace MuScore.Ingest;

/// <summary>The whole table written in blocks of rows on every core (<see cref="WriteRows(int, Func{IXlsxRowSource}, Action{int})"/>).</summary>
public sealed partial class WorkbookWriter
{
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
                    var deflater = new MarkupDeflater();
                    for (var b = Interlocked.Increment(ref next); b < blocks.Length; b = Interlocked.Increment(ref next))
                    {
                        var block = blocks[b];
                        ring.Fill(b, slot => WriteBlock(slot, block, source, rows, deflater));
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
    private void WriteBlock(SheetBlockSlot slot, SheetBlock block, IXlsxRowSource source, SheetRowWriter rows, MarkupDeflater deflater)
    {
        if (block.First)
        {
            WriteSheetStart(slot.Xml);
        }

        // Sheet row 1 is the header.
        if (source is IXlsxRowWriter direct)
        {
            for (var row = block.Start; row < block.End; row++)
            {
                var sheetRow = rows.Begin(slot.Xml, row - block.SheetStart + 2);
                direct.Write(ref sheetRow, row);
                sheetRow.End();
            }
        }
        else
        {
            for (var row = block.Start; row < block.End; row++)
            {
                rows.Write(slot.Xml, source.Fill(row), row - block.SheetStart + 2);
            }
        }

        if (block.Last)
        {
            WorkbookParts.SheetEnd(slot.Xml);
        }

        slot.SetCompressed(deflater.Compress(slot.Xml.Written, slot.Xml.Marks));
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

    /// <summary>Rows [<see cref="Start"/>, <see cref="End"/>) of sheet <see cref="Sheet"/>, whose first row is <see cref="SheetStart"/>.</summary>
    private readonly record struct SheetBlock(int Sheet, int SheetStart, int Start, int End, bool First, bool Last);
}

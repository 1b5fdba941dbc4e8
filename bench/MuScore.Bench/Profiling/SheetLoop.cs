using MuScore.Bench.Ingest;
using MuScore.Ingest;

namespace MuScore.Bench.Profiling;

/// <summary>
/// The two halves of ratings.xlsx's sheet on one thread, apart, for CPU time that does not depend
/// on how the other core is shared: <c>sheet-xml</c> writes the rows' XML block by block (the
/// direct row writer, or <c>typed</c>: the array of typed cells in between, as before session 8);
/// <c>sheet-deflate</c> writes the blocks once, then deflates them all (<see cref="MarkupDeflater"/>)
/// each pass; <c>sheet-number</c> numbers the shared strings, as the writer does before the rows. Same rows as <c>xlsx-ratings</c>. The result of a pass (bytes of XML, or compressed)
/// shows two builds did the same work.
/// </summary>
internal static class SheetLoop
{
    public static Func<object> Body(string mode, int n, bool typed)
    {
        var bench = new RatingsXlsxWriteBenchmarks { N = n };
        bench.Setup();
        var layout = new RatingsTableLayout(bench.Scheme, bench.Run);
        var columnNames = Enumerable.Range(0, layout.Headers.Count).Select(i => System.Text.Encoding.ASCII.GetBytes(CellReference.ColumnLetters(i))).ToArray();
        var cells = new RatingsXlsxCells(layout, bench.Run);
        var shared = Number(cells, n);
        if (mode == "sheet-number")
        {
            return () => (long)Number(cells, n).Texts.Count;
        }

        var blockRows = WorkbookWriter.DefaultBlockRows;
        if (mode == "sheet-xml")
        {
            var xml = new SheetXmlBuffer();
            return () =>
            {
                var rows = new SheetRowWriter(columnNames, shared);
                long bytes = 0;
                for (var start = 0; start < n; start += blockRows)
                {
                    xml.Clear();
                    WriteBlock(xml, rows, cells, start, Math.Min(n, start + blockRows), typed);
                    bytes += xml.Length;
                }

                return bytes;
            };
        }

        var blocks = new List<(byte[] Xml, int[] Marks)>();
        var writer = new SheetRowWriter(columnNames, shared);
        using (var xml = new SheetXmlBuffer())
        {
            for (var start = 0; start < n; start += blockRows)
            {
                xml.Clear();
                WriteBlock(xml, writer, cells, start, Math.Min(n, start + blockRows), typed: false);
                blocks.Add((xml.Written.ToArray(), xml.Marks.ToArray()));
            }
        }

        var deflater = new MarkupDeflater();
        return () =>
        {
            long compressed = 0;
            foreach (var (xml, marks) in blocks)
            {
                var (buffer, length) = deflater.Compress(xml, marks);
                compressed += length;
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }

            return compressed;
        };
    }

    /// <summary>The shared strings numbered as the writer numbers them (<c>sheet-number</c> times this alone).</summary>
    private static WorkbookSharedStrings Number(RatingsXlsxCells cells, int n)
    {
        var shared = new WorkbookSharedStrings();
        var last = new string?[64];
        for (var row = 0; row < n; row++)
        {
            var rowCells = cells.FillShared(row);
            for (var i = 0; i < rowCells.Length; i++)
            {
                if (rowCells[i].Kind == XlsxCellKind.SharedText && !ReferenceEquals(rowCells[i].Text, last[i]))
                {
                    last[i] = rowCells[i].Text;
                    shared.IndexOf(last[i]!);
                }
            }
        }

        shared.Freeze();
        return shared;
    }

    private static void WriteBlock(SheetXmlBuffer xml, SheetRowWriter rows, RatingsXlsxCells cells, int start, int end, bool typed)
    {
        IXlsxRowWriter direct = cells;
        for (var row = start; row < end; row++)
        {
            if (typed)
            {
                rows.Write(xml, cells.Fill(row), row + 2);
            }
            else
            {
                var sheetRow = rows.Begin(xml, row + 2);
                direct.Write(ref sheetRow, row);
                sheetRow.End();
            }
        }
    }
}

using System.IO.Compression;

namespace MuScore.Ingest.Tests.Writing.Workbook;

/// <summary>
/// WriteRows, the whole table on every core (ratings.xlsx's path), against WriteRow, one row at a
/// time: the same XML in every part, whatever the block size and the number of workers; the same
/// bytes whatever the number of workers.
/// </summary>
public class WorkbookWriterRowsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(64, 3)]
    [InlineData(1024, 4)]
    public void WriteRows_RatingsOverSheets_GiveTheSameXmlAsWriteRow(int blockRows, int workers)
    {
        var (scheme, run) = RatingRuns.Sample(1_000);
        var layout = new RatingsTableLayout(scheme, run);

        var oneByOne = Write(layout.Headers, rowsPerSheet: 400, writer =>
        {
            var cells = new RatingsXlsxCells(layout, run);
            for (var i = 0; i < run.Rows.Count; i++)
            {
                writer.WriteRow(cells.Fill(i));
            }
        });
        var parallel = Write(layout.Headers, rowsPerSheet: 400, writer => writer.WriteRows(run.Rows.Count, () => new RatingsXlsxCells(layout, run), null, blockRows, workers));

        var expected = Parts(oneByOne);
        Assert.Contains("xl/worksheets/sheet3.xml", expected.Keys);
        Assert.Equal(expected, Parts(parallel));
    }

    [Fact]
    public void WriteRows_AnyNumberOfWorkers_GivesTheSameBytes()
    {
        var (scheme, run) = RatingRuns.Sample(600);
        var layout = new RatingsTableLayout(scheme, run);

        var bytes = new[] { 1, 2, 3, 5 }
            .Select(workers => Write(layout.Headers, rowsPerSheet: 250, writer => writer.WriteRows(run.Rows.Count, () => new RatingsXlsxCells(layout, run), null, 50, workers)))
            .ToList();

        Assert.All(bytes, b => Assert.Equal(bytes[0], b));
    }

    [Fact]
    public void WriteRows_TableInOneBlock_GivesTheBytesOfWriteRow()
    {
        var (scheme, run) = RatingRuns.Sample(500);
        var layout = new RatingsTableLayout(scheme, run);

        var oneByOne = Write(layout.Headers, XlsxTableWriter.MaxRows, writer =>
        {
            var cells = new RatingsXlsxCells(layout, run);
            for (var i = 0; i < run.Rows.Count; i++)
            {
                writer.WriteRow(cells.Fill(i));
            }
        });
        var parallel = Write(layout.Headers, XlsxTableWriter.MaxRows, writer => writer.WriteRows(run.Rows.Count, () => new RatingsXlsxCells(layout, run)));

        Assert.Equal(oneByOne, parallel);
    }

    [Fact]
    public void WriteRows_NoRows_WritesTheHeaderSheetAsWriteRowDoes()
    {
        string[] headers = ["id", "code", "name"];

        var parallel = Write(headers, XlsxTableWriter.MaxRows, writer => writer.WriteRows(0, () => new TextRows(0)));

        Assert.Equal(Write(headers, XlsxTableWriter.MaxRows, _ => { }), parallel);
        Assert.Contains("<sheetData><row><c t=\"inlineStr\" s=\"1\"><is><t>id</t></is></c>", Text(Parts(parallel)["xl/worksheets/sheet1.xml"]), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteRows_MoreDistinctTextsThanTheSharedTableHolds_GiveTheSameXmlAsWriteRow()
    {
        // Past 65,536 shared strings new texts go inline; texts with nothing left once cleaned too.
        const int rows = WorkbookSharedStrings.MaxStrings + 5_000;
        string[] headers = ["id", "code", "name"];

        var oneByOne = Write(headers, XlsxTableWriter.MaxRows, writer =>
        {
            var source = new TextRows(rows);
            for (var i = 0; i < rows; i++)
            {
                writer.WriteRow(source.Fill(i));
            }
        });
        var parallel = Write(headers, XlsxTableWriter.MaxRows, writer => writer.WriteRows(rows, () => new TextRows(rows), null, 999, 2));

        var parts = Parts(parallel);
        Assert.Equal(Parts(oneByOne), parts);
        Assert.Contains("<c t=\"inlineStr\"><is><t>K69999</t></is></c>", Text(parts["xl/worksheets/sheet1.xml"]), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteRows_AfterWriteRow_IsRefused()
    {
        using var writer = new WorkbookWriter(new MemoryStream(), ["id", "code", "name"], "t");
        writer.WriteRow(new TextRows(1).Fill(0));

        Assert.Throws<InvalidOperationException>(() => writer.WriteRows(1, () => new TextRows(1)));
    }

    [Fact]
    public void WriteRows_SourceFails_TheFailureReachesTheCaller()
    {
        var output = new MemoryStream();
        var writer = new WorkbookWriter(output, ["id", "code", "name"], "t", leaveOpen: true, XlsxTableWriter.MaxRows, WorkbookWriter.DefaultLevel);

        var failure = Assert.Throws<InvalidOperationException>(() => writer.WriteRows(5_000, () => new TextRows(5_000, failAt: 3_210), null, 100, 2));
        writer.Dispose();

        Assert.Equal("row 3210 failed", failure.Message);
    }

    [Fact]
    public void WriteRows_SourceCannotBeMade_FailsOnTheCallersThread()
    {
        using var writer = new WorkbookWriter(new MemoryStream(), ["id", "code", "name"], "t");
        var made = 0;

        // The first source numbers the shared strings; the second, a worker's, fails.
        var failure = Assert.Throws<InvalidOperationException>(() => writer.WriteRows(10, () => ++made == 2 ? throw new InvalidOperationException("no source") : new TextRows(10)));

        Assert.Equal("no source", failure.Message);
    }

    private static byte[] Write(IReadOnlyList<string> headers, int rowsPerSheet, Action<WorkbookWriter> write)
    {
        using var output = new MemoryStream();
        using (var writer = new WorkbookWriter(output, headers, "ratings", leaveOpen: true, rowsPerSheet, WorkbookWriter.DefaultLevel))
        {
            write(writer);
        }

        return output.ToArray();
    }

    /// <summary>Every entry's name and uncompressed bytes (reading to the end checks each CRC-32).</summary>
    private static Dictionary<string, string> Parts(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook));
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var data = e.Open();
            using var copy = new MemoryStream();
            data.CopyTo(copy);
            return Convert.ToBase64String(copy.ToArray());
        });
    }

    private static string Text(string base64) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));

    /// <summary>Rows of an id, a shared code distinct per row (some with nothing left once cleaned), and inline text.</summary>
    private sealed class TextRows(int count, int failAt = -1) : IXlsxRowSource
    {
        private readonly XlsxCell[] cells = new XlsxCell[3];

        public ReadOnlySpan<XlsxCell> Fill(int row)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Math.Max(1, count));
            if (row == failAt)
            {
                throw new InvalidOperationException($"row {row} failed");
            }

            cells[0] = XlsxCell.Of(row);
            cells[1] = XlsxCell.OfText(row % 1000 == 7 ? "\u0001" : $"K{row}", repeated: true);
            cells[2] = row % 3 == 0 ? XlsxCell.Empty : XlsxCell.OfText($"name & <{row}>");
            return cells;
        }
    }
}

using System.IO.Compression;
using MuScore.Core.Records;

namespace MuScore.Ingest.Tests.Writing.Workbook;

public class WorkbookWriterTests
{
    private static readonly XlsxColumnKind[] Kinds = Samples.EnglishHeaders
        .Select(h => h is "land_own_mu" or "tax" or "value_added" ? XlsxColumnKind.Number : XlsxColumnKind.Text)
        .ToArray();

    [Fact]
    public void WriteRow_AwkwardCells_ShowTheSameAsTheStringWriter()
    {
        string[][] rows =
        [
            Samples.RowWith(1, "name", "A&B <公司> \"1\"\n第二行"),
            Samples.RowWith(2, "name", "  前后空格\n "),
            Samples.RowWith(3, "name", "第一行\r\n第二行"),
            Samples.RowWith(4, "name", "a\u0001b\uFFFEc\uD800d"),
            Samples.RowWith(5, "tax", "2.50"),
            Samples.RowWith(6, "tax", "1E-3"),
            Samples.RowWith(7, "tax", "n/a"),
            Samples.RowWith(8, "in_construction", string.Empty),
            Samples.RowWith(9, "region", " 331082"),
            .. Enumerable.Range(10, 20).Select(Samples.Row),
        ];

        var typed = WorkbookCells.Read(WriteTyped(rows, rowsPerSheet: 7));
        var strings = WorkbookCells.Read(WriteStrings(rows, rowsPerSheet: 7));

        Assert.Equal(["ratings", "ratings (2)", "ratings (3)", "ratings (4)", "ratings (5)"], typed.Select(s => s.Name));
        Assert.Equal(strings.Select(s => s.Name), typed.Select(s => s.Name));
        for (var sheet = 0; sheet < strings.Count; sheet++)
        {
            Assert.Equal(strings[sheet].Rows.Count, typed[sheet].Rows.Count);
            for (var row = 0; row < strings[sheet].Rows.Count; row++)
            {
                Assert.Equal(strings[sheet].Rows[row].Concat(Enumerable.Repeat<ShownCell?>(null, 10)).Take(10), typed[sheet].Rows[row].Concat(Enumerable.Repeat<ShownCell?>(null, 10)).Take(10));
            }
        }
    }

    [Fact]
    public void WriteRow_ManyBlocks_ReadBackByTheProjectReaderGivesTheSameCells()
    {
        // About 60 bytes of XML per cell: several 1 MiB blocks, deflated apart and joined.
        var rows = Enumerable.Range(1, 40_000).Select(n => Samples.RowWith(n, "name", n % 5 == 0 ? $"A&B <公司> \"{n}\"\n第二行" : $"企业{n}")).ToList();
        var bytes = WriteTyped(rows);

        using var table = TableReader.Open(new MemoryStream(bytes), "out.xlsx");
        var read = Samples.ReadAll(table, Field.CreditCode, Field.Name, Field.Tax, Field.ValueAdded, Field.ProductionStart);

        Assert.Equal(Samples.EnglishHeaders, table.Headers);
        Assert.Equal(rows.Select(r => (r[0], r[1], r[6], r[7], r[8])), read.Select(r => (r.Cells[0], r.Cells[1], r.Cells[2], r.Cells[3], r.Cells[4])));
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        Assert.True(sheet.Length > 3 * SheetXmlBuffer.BlockSize);
        using var data = sheet.Open();
        data.CopyTo(Stream.Null); // ZipArchive checks the CRC-32 at the end of the entry
    }

    [Fact]
    public void Dispose_SameRowsTwice_GivesIdenticalBytesWithFixedTimestamps()
    {
        var rows = Enumerable.Range(1, 300).Select(Samples.Row).ToList();
        var first = WriteTyped(rows);
        Thread.Sleep(2100); // zip times have a 2-second resolution: a clock-stamped entry would differ
        var second = WriteTyped(rows);

        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("docProps/", StringComparison.Ordinal));
    }

    [Fact]
    public void Dispose_WriteOnlyStream_GivesTheSameBytesAsASeekableOne()
    {
        var rows = Enumerable.Range(1, 50).Select(Samples.Row).ToList();
        using var target = new MemoryStream();
        using (var writer = new WorkbookWriter(new WriteOnlyStream(target), Samples.EnglishHeaders, "ratings"))
        {
            rows.ForEach(r => writer.WriteRow(Typed(r)));
        }

        Assert.Equal(WriteTyped(rows), target.ToArray());
    }

    [Fact]
    public void Dispose_WriteOnlyFile_GetsTheZipInPlaceWithTheSameBytes()
    {
        // muscore rate's output file is opened for writing only: the zip goes straight into it.
        var rows = Enumerable.Range(1, 3_000).Select(Samples.Row).ToList();
        var path = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new WorkbookWriter(file, Samples.EnglishHeaders, "ratings"))
            {
                Assert.False(file.CanRead);
                rows.ForEach(r => writer.WriteRow(Typed(r)));
            }

            Assert.Equal(WriteTyped(rows), File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WriteRow_EmptyCells_AreLeftOutAndTheNextCellNamesItsColumn()
    {
        var bytes = WriteTyped([Samples.RowWith(1, "industry", string.Empty)]);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = reader.ReadToEnd();

        Assert.Contains("<c r=\"E2\" t=\"s\">", xml, StringComparison.Ordinal);
        Assert.Contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>", xml, StringComparison.Ordinal);
        Assert.Contains("<c t=\"inlineStr\" s=\"1\"><is><t>credit_code</t></is></c>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BadSheetNameOrNoColumns_Throws()
    {
        Assert.Throws<ArgumentException>(() => new WorkbookWriter(new MemoryStream(), ["a"], "a/b"));
        Assert.Throws<ArgumentException>(() => new WorkbookWriter(new MemoryStream(), [], "a"));
    }

    /// <summary>The cells the rate command gives for such text: numbers where the string writer makes numbers, regions and scales shared.</summary>
    internal static XlsxCell[] Typed(string[] row) =>
        row.Select((cell, i) => Kinds[i] == XlsxColumnKind.Number && cell.Length > 0 ? XlsxNumbers.FromText(cell)
            : XlsxCell.OfText(cell, repeated: Samples.EnglishHeaders[i] is "region" or "scale" or "industry")).ToArray();

    private static byte[] WriteTyped(IEnumerable<string[]> rows, int rowsPerSheet = XlsxTableWriter.MaxRows)
    {
        using var output = new MemoryStream();
        using (var writer = new WorkbookWriter(output, Samples.EnglishHeaders, "ratings", leaveOpen: true, rowsPerSheet, WorkbookWriter.DefaultLevel))
        {
            foreach (var row in rows)
            {
                writer.WriteRow(Typed(row));
            }
        }

        return output.ToArray();
    }

    private static byte[] WriteStrings(IEnumerable<string[]> rows, int rowsPerSheet)
    {
        using var output = new MemoryStream();
        using (var writer = new XlsxTableWriter(output, Samples.EnglishHeaders, Kinds, "ratings", leaveOpen: true, rowsPerSheet))
        {
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
        }

        return output.ToArray();
    }
}

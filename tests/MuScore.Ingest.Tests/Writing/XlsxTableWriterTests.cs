using System.IO.Compression;
using MuScore.Core.Records;

namespace MuScore.Ingest.Tests.Writing;

public class XlsxTableWriterTests
{
    private static readonly XlsxColumnKind[] Kinds = Samples.EnglishHeaders
        .Select(h => h is "land_own_mu" or "tax" or "value_added" ? XlsxColumnKind.Number : XlsxColumnKind.Text)
        .ToArray();

    [Fact]
    public void WriteRow_TenThousandRows_ReadBackGivesTheSameCellsAndHash()
    {
        var rows = Enumerable.Range(1, 10_000).Select(n => Samples.RowWith(n, "name", n % 5 == 0 ? $"A&B <公司> \"{n}\"\n第二行" : $"企业{n}")).ToList();
        var bytes = Write(rows);

        using var table = TableReader.Open(new MemoryStream(bytes), "out.xlsx");
        var read = Samples.ReadAll(table, Field.CreditCode, Field.Name, Field.Tax, Field.ValueAdded, Field.ProductionStart);

        Assert.Equal("xlsx", table.Format);
        Assert.Equal(Samples.EnglishHeaders, table.Headers);
        Assert.Equal(rows.Count, read.Count);
        Assert.Equal(rows.Select(r => (r[0], r[1], r[6], r[7], r[8])), read.Select(r => (r.Cells[0], r.Cells[1], r.Cells[2], r.Cells[3], r.Cells[4])));
        using var again = TableReader.Open(new MemoryStream(bytes), "out.xlsx");
        Assert.Equal(Samples.Load(Samples.Csv(Samples.EnglishHeaders, rows)).InputHash, RowLoader.Load(again).InputHash);
    }

    [Fact]
    public void Dispose_SameRowsTwice_GivesIdenticalBytesWithFixedTimestamps()
    {
        var rows = Enumerable.Range(1, 300).Select(Samples.Row).ToList();
        var first = Write(rows);
        Thread.Sleep(2100); // zip timestamps have a 2-second resolution: a clock-stamped entry would differ
        var second = Write(rows);

        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first));
        Assert.Contains(zip.Entries, e => e.FullName == "xl/worksheets/sheet1.xml");
        Assert.DoesNotContain(zip.Entries, e => e.FullName.StartsWith("docProps/", StringComparison.Ordinal));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Dispose_WriteOnlyStream_GivesTheSameBytesAsASeekableOne()
    {
        var rows = Enumerable.Range(1, 50).Select(Samples.Row).ToList();
        using var target = new MemoryStream();
        using (var writer = new XlsxTableWriter(new WriteOnlyStream(target), Samples.EnglishHeaders, Kinds, "ratings"))
        {
            rows.ForEach(r => writer.WriteRow(r));
        }

        Assert.Equal(Write(rows), target.ToArray());
    }

    [Fact]
    public void WriteRow_CellKinds_NumbersAsValuesTextInlineHeaderBoldAndFrozen()
    {
        var row = Samples.Row(1);
        row[Array.IndexOf(Samples.EnglishHeaders, "value_added")] = "n/a";
        row[Array.IndexOf(Samples.EnglishHeaders, "name")] = "a\u0001b\uFFFEc\uD800d";
        row[Array.IndexOf(Samples.EnglishHeaders, "in_construction")] = "";

        var bytes = Write([row]);
        var sheet = Part(bytes, "xl/worksheets/sheet1.xml");

        Assert.Matches("<c r=\"A1\" t=\"inlineStr\" s=\"(\\d+)\"><is><t xml:space=\"preserve\">credit_code</t></is></c>", sheet);
        Assert.Contains("<c r=\"F2\"><v>12.5</v></c><c r=\"G2\"><v>30.25</v></c>", sheet, StringComparison.Ordinal);
        Assert.Contains("<c r=\"H2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">n/a</t></is></c>", sheet, StringComparison.Ordinal);
        Assert.Contains("<c r=\"B2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">abcd</t></is></c>", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<c r=\"J2\" t=", sheet, StringComparison.Ordinal);
        Assert.Contains("<pane ySplit=\"1\" activePane=\"bottomLeft\" topLeftCell=\"A2\" state=\"frozen\"/>", sheet, StringComparison.Ordinal);
        Assert.Contains("<col min=\"1\" max=\"1\" width=\"13\" customWidth=\"1\"/>", sheet, StringComparison.Ordinal);
        Assert.Contains("<b", Part(bytes, "xl/styles.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteRow_TextWithEdgeSpaces_RoundTripsExactly()
    {
        var row = Samples.RowWith(1, "name", "  前后空格\n ");
        using var table = TableReader.Open(new MemoryStream(Write([row])), "out.xlsx");

        Assert.Equal("  前后空格\n ", Samples.ReadAll(table, Field.Name).Single().Cells[0]);
    }

    [Theory]
    [InlineData("2.50")]
    [InlineData("1E-3")]
    [InlineData("007")]
    public void WriteRow_NumberWhoseShortestFormDiffers_IsTextAndReadsBackExactly(string value)
    {
        var row = Samples.RowWith(1, "tax", value);
        var bytes = Write([row]);

        Assert.Contains($"<c r=\"G2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{value}</t></is></c>", Part(bytes, "xl/worksheets/sheet1.xml"), StringComparison.Ordinal);
        using var table = TableReader.Open(new MemoryStream(bytes), "out.xlsx");
        Assert.Equal(value, Samples.ReadAll(table, Field.Tax).Single().Cells[0]);
    }

    [Fact]
    public void WriteRow_CarriageReturnLineFeed_ReadsBackAsTheLineFeedExcelStores()
    {
        // XML turns a raw CR LF into LF (docs/outputs.md, ".xlsx"), as Excel itself stores a line break.
        var row = Samples.RowWith(1, "name", "第一行\r\n第二行");
        using var table = TableReader.Open(new MemoryStream(Write([row])), "out.xlsx");

        Assert.Equal("第一行\n第二行", Samples.ReadAll(table, Field.Name).Single().Cells[0]);
    }

    [Fact]
    public void WriteRow_MoreRowsThanASheetHolds_ContinuesOnNumberedSheetsEachWithTheHeader()
    {
        var rows = Enumerable.Range(1, 7).Select(Samples.Row).ToList();
        using var output = new MemoryStream();
        using (var writer = new XlsxTableWriter(output, Samples.EnglishHeaders, Kinds, "ratings", leaveOpen: true, rowsPerSheet: 3))
        {
            rows.ForEach(r => writer.WriteRow(r));
            Assert.Equal(3, writer.SheetCount);
            Assert.Equal(7, writer.RowsWritten);
        }

        var bytes = output.ToArray();
        Assert.Contains("<sheet name=\"ratings\" sheetId=\"1\"", Part(bytes, "xl/workbook.xml"), StringComparison.Ordinal);
        Assert.Contains("<sheet name=\"ratings (2)\" sheetId=\"2\"", Part(bytes, "xl/workbook.xml"), StringComparison.Ordinal);
        Assert.Contains("<sheet name=\"ratings (3)\" sheetId=\"3\"", Part(bytes, "xl/workbook.xml"), StringComparison.Ordinal);
        string[][] expected = [[.. rows.Take(3).Select(r => r[0])], [.. rows.Skip(3).Take(3).Select(r => r[0])], [rows[6][0]]];
        for (var sheet = 1; sheet <= 3; sheet++)
        {
            var xml = Part(bytes, $"xl/worksheets/sheet{sheet}.xml");
            Assert.Contains("<c r=\"A1\" t=\"inlineStr\" s=", xml, StringComparison.Ordinal);
            Assert.Contains(">credit_code</t>", xml, StringComparison.Ordinal);
            var codes = System.Text.RegularExpressions.Regex.Matches(xml, "<c r=\"A([2-9])\" t=\"inlineStr\"><is><t xml:space=\"preserve\">([^<]+)</t>").Select(m => m.Groups[2].Value);
            Assert.Equal(expected[sheet - 1], codes);
        }

        // The reader takes the first sheet: the first part of the table, with its header.
        using var table = TableReader.Open(new MemoryStream(bytes), "out.xlsx");
        Assert.Equal(rows.Take(3).Select(r => r[0]), Samples.ReadAll(table, Field.CreditCode).Select(r => r.Cells[0]));
    }

    [Theory]
    [InlineData("ratings", 2, "ratings (2)")]
    [InlineData("ratings", 10, "ratings (10)")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", 12, "一二三四五六七八九十一二三四五六七八九十一二三四五六 (12)")]
    public void SheetName_LaterSheets_NumberedAndWithinExcelsLimit(string baseName, int index, string expected)
    {
        Assert.Equal(expected, XlsxTableWriter.SheetName(baseName, index));
        Assert.True(expected.Length <= 31);
    }

    [Theory]
    [InlineData("12.5", true)]
    [InlineData("-3", true)]
    [InlineData("1E-3", true)]
    [InlineData("1,234", false)]
    [InlineData(" 1", false)]
    [InlineData("NaN", false)]
    [InlineData("12万", false)]
    public void IsPlainNumber_Text_TellsWhatIsStoredAsANumber(string text, bool expected)
    {
        Assert.Equal(expected, XlsxTableWriter.IsPlainNumber(text));
    }

    [Fact]
    public void Constructor_BadSheetNameOrKinds_Throws()
    {
        Assert.Throws<ArgumentException>(() => new XlsxTableWriter(new MemoryStream(), ["a"], [XlsxColumnKind.Text], "a/b"));
        Assert.Throws<ArgumentException>(() => new XlsxTableWriter(new MemoryStream(), ["a", "b"], [XlsxColumnKind.Text]));
    }

    private static byte[] Write(IEnumerable<string[]> rows)
    {
        using var output = new MemoryStream();
        using (var writer = new XlsxTableWriter(output, Samples.EnglishHeaders, Kinds, "ratings", leaveOpen: true))
        {
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
        }

        return output.ToArray();
    }

    private static string Part(byte[] xlsx, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}

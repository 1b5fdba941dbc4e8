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
    public void Dispose_SameRowsTwice_GivesIdenticalBytesWithFixedTimestampsAndOrder()
    {
        var rows = Enumerable.Range(1, 300).Select(Samples.Row).ToList();
        var first = Write(rows);
        Thread.Sleep(2100); // zip timestamps have a 2-second resolution
        var second = Write(rows);

        Assert.Equal(first, second);
        using var zip = new ZipArchive(new MemoryStream(first));
        Assert.Equal(
            ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"],
            zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void WriteRow_CellKinds_NumbersAsValuesTextInlineHeaderBoldAndFrozen()
    {
        var row = Samples.Row(1);
        row[Array.IndexOf(Samples.EnglishHeaders, "value_added")] = "n/a";
        row[Array.IndexOf(Samples.EnglishHeaders, "name")] = "a\u0001b\uFFFEc\uD800d";
        row[Array.IndexOf(Samples.EnglishHeaders, "in_construction")] = "";

        var sheet = Part(Write([row]), "xl/worksheets/sheet1.xml");

        Assert.Contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>credit_code</t></is></c>", sheet, StringComparison.Ordinal);
        Assert.Contains("<c r=\"F2\"><v>12.5</v></c><c r=\"G2\"><v>30.25</v></c>", sheet, StringComparison.Ordinal);
        Assert.Contains("<c r=\"H2\" t=\"inlineStr\"><is><t>n/a</t></is></c>", sheet, StringComparison.Ordinal);
        Assert.Contains("<c r=\"B2\" t=\"inlineStr\"><is><t>abcd</t></is></c>", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("J2", sheet, StringComparison.Ordinal);
        Assert.Contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>", sheet, StringComparison.Ordinal);
        Assert.Contains("<font><b/>", Part(Write([row]), "xl/styles.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteRow_TextWithEdgeSpacesAndCarriageReturn_RoundTripsExactly()
    {
        var row = Samples.RowWith(1, "name", "  前后空格\r\n ");
        using var table = TableReader.Open(new MemoryStream(Write([row])), "out.xlsx");

        Assert.Equal("  前后空格\r\n ", Samples.ReadAll(table, Field.Name).Single().Cells[0]);
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

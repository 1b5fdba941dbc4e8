using MuScore.Core.Hashing;
using MuScore.Core.Records;

namespace MuScore.Ingest.Tests.Xlsx;

public class XlsxReadingTests
{
    private static readonly string[] Headers = ["credit_code", "name", "region", "industry", "scale", "tax", "production_start", "in_construction", "land_own_mu"];

    [Fact]
    public void Load_EveryCellType_GivesTheTextExcelShows()
    {
        var b = Workbook();
        var code = b.Shared($"<t>{Samples.Code(1)}</t>");
        var scale = b.Shared("<r><rPr><b/></rPr><t>规</t></r><r><t>上</t></r><rPh sb=\"0\" eb=\"1\"><t>ぐ</t></rPh>");
        b.Raw("<row r=\"2\" spans=\"1:9\">"
            + $"<c r=\"A2\" t=\"s\"><v>{code}</v></c>"
            + "<c r=\"B2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> 台州_x000D_公司 </t></is></c>"
            + "<c r=\"C2\"><v>331082</v></c>"
            + "<c r=\"D2\" t=\"str\"><f>\"C\"&amp;3670</f><v>C3670</v></c>"
            + $"<c r=\"E2\" t=\"s\"><v>{scale}</v></c>"
            + "<c r=\"F2\" s=\"4\"><f>0.1+0.2</f><v>0.30000000000000004</v></c>"
            + "<c r=\"G2\" s=\"1\"><v>45366.75</v></c>"
            + "<c r=\"H2\" t=\"b\"><v>1</v></c>"
            + "<c r=\"I2\" s=\"4\"><v>12.5</v></c></row>");

        var (format, rows) = Read(b, Field.Name, Field.Region, Field.Industry, Field.Scale, Field.Tax, Field.ProductionStart, Field.InConstruction, Field.LandOwnMu);

        Assert.Equal("xlsx", format);
        Assert.Equal([" 台州\r公司 ", "331082", "C3670", "规上", "0.3", "2024-03-15", "1", "12.5"], Assert.Single(rows).Cells);
    }

    [Fact]
    public void ReadRows_OmittedCellsAndRows_LandInTheirColumnsAndOmittedRowsAreBlankRows()
    {
        var b = Workbook();
        b.Raw($"<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>{Samples.Code(1)}</t></is></c><c r=\"C2\"><v>331082</v></c><c r=\"F2\"><v>7</v></c></row>");
        b.Raw("<row r=\"5\"><c r=\"B5\" t=\"inlineStr\"><is><t>只有名称</t></is></c></row>");
        b.Raw("<row r=\"6\" ht=\"20\" customHeight=\"1\"/><row r=\"7\"><c r=\"A7\" s=\"1\"/></row>");

        var (_, rows) = Read(b, Field.CreditCode, Field.Name, Field.Region, Field.Industry, Field.Tax);

        Assert.Equal([(2, false), (3, true), (4, true), (5, false)], rows.Select(r => (r.Row, r.Blank)));
        Assert.Equal([Samples.Code(1), "", "331082", "", "7"], rows[0].Cells);
        Assert.Equal(["", "只有名称", "", "", ""], rows[3].Cells);
    }

    [Fact]
    public void ReadRows_RowsAndCellsWithoutReferences_FollowOnePositionAfterAnother()
    {
        var b = new XlsxBuilder();
        b.Raw(string.Concat("<row>", string.Concat(Headers.Select(h => $"<c t=\"inlineStr\"><is><t>{h}</t></is></c>")), "</row>"));
        b.Raw($"<row><c t=\"inlineStr\"><is><t>{Samples.Code(1)}</t></is></c><c/><c><v>331082</v></c></row>");

        var (_, rows) = Read(b, Field.CreditCode, Field.Name, Field.Region);

        Assert.Equal(2, rows[0].Row);
        Assert.Equal([Samples.Code(1), "", "331082"], rows[0].Cells);
    }

    [Fact]
    public void Load_ErrorCell_FailsNumberParsingNamingTheColumn()
    {
        var b = Workbook();
        b.InlineRow(2, Samples.Code(1), "n", "331082", "C3670", "规上", "", "", "", "3");
        b.Raw("<row r=\"3\">" + string.Concat(new[] { Samples.Code(2), "n", "331082", "C3670", "规上" }.Select((v, i) => $"<c r=\"{XlsxBuilder.Column(i)}3\" t=\"inlineStr\"><is><t>{v}</t></is></c>"))
            + "<c r=\"F3\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c><c r=\"I3\"><v>3</v></c></row>");
        using var table = TableReader.Open(new MemoryStream(b.Build()), "book.xlsx");

        var result = RowLoader.Load(table);

        var problem = Assert.Single(result.Rows[1].Problems);
        Assert.Equal((2, Field.Tax, ProblemRule.Required), (result.Rows[0].RowNumber, result.Rows[0].Problems[0].Field, result.Rows[0].Problems[0].Rule));
        Assert.Equal((3, Field.Tax, ProblemRule.NumberFormat), (result.Rows[1].RowNumber, problem.Field, problem.Rule));
        Assert.Contains("#DIV/0!", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "45366", "2024-03-15")]
    [InlineData(2, "45366", "2024-03-15")]
    [InlineData(3, "45366.5", "45366.5")]
    [InlineData(0, "45366", "45366")]
    [InlineData(1, "60", "60")]
    [InlineData(1, "61", "1900-03-01")]
    public void ReadRows_DateStyledNumbers_BecomeIsoDates(int style, string stored, string expected)
    {
        var b = Workbook();
        b.Raw($"<row r=\"2\"><c r=\"G2\" s=\"{style}\"><v>{stored}</v></c></row>");

        var (_, rows) = Read(b, Field.ProductionStart);

        Assert.Equal(expected, Assert.Single(rows).Cells[0]);
    }

    [Fact]
    public void ReadRows_Date1904Workbook_CountsFrom1904()
    {
        var b = Workbook();
        b.Date1904 = true;
        b.Raw("<row r=\"2\"><c r=\"G2\" s=\"1\"><v>43904</v></c></row>");

        var (_, rows) = Read(b, Field.ProductionStart);

        Assert.Equal("2024-03-15", Assert.Single(rows).Cells[0]);
    }

    [Fact]
    public void Load_SameDataAsCsv_GivesTheSameHash()
    {
        var b = Workbook();
        var rows = Enumerable.Range(1, 3).Select(n => new[] { Samples.Code(n), $"企业{n}", "331082", "C3670", "规上", "30.25", "2015-06-01", "否", "12.5" }).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            b.InlineRow(i + 2, rows[i]);
        }

        using var xlsx = TableReader.Open(new MemoryStream(b.Build()), "book.xlsx");
        var fromXlsx = RowLoader.Load(xlsx);
        var fromCsv = Samples.Load(Samples.Csv(Headers, rows));

        Assert.Equal(0, fromXlsx.InvalidCount);
        Assert.Equal(fromCsv.InputHash, fromXlsx.InputHash);
    }

    [Fact]
    public void Open_EmptyFirstSheet_SaysTheSheetIsEmpty()
    {
        var error = Assert.Throws<TableFormatException>(() => TableReader.Open(new MemoryStream(new XlsxBuilder().Build()), "book.xlsx"));

        Assert.Equal("book.xlsx: the worksheet is empty (no header row)", error.Message);
    }

    [Fact]
    public void ReadRows_SharedStringIndexOutOfRange_SaysTheSheetIsCorruptNearTheRow()
    {
        var b = Workbook();
        b.Raw("<row r=\"2\"><c r=\"A2\" t=\"s\"><v>999</v></c></row>");

        // The header search reads one row past the header, so the error comes at Open here.
        var error = Assert.Throws<TableFormatException>(() =>
        {
            using var table = TableReader.Open(new MemoryStream(b.Build()), "book.xlsx");
            return table.ReadRows().Count();
        });

        Assert.Equal("book.xlsx: worksheet '数据' is corrupt near row 3: shared string index '999' is not in the shared string table", error.Message);
    }

    [Fact]
    public void Open_TruncatedWorkbook_IsNotAValidWorkbook()
    {
        var bytes = Workbook().Build();

        var error = Assert.Throws<TableFormatException>(() => TableReader.Open(new MemoryStream(bytes[..(bytes.Length / 2)]), "book.xlsx"));

        Assert.StartsWith("book.xlsx: is not a valid .xlsx workbook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NonSeekableStream_IsCopiedAndRead()
    {
        var b = Workbook();
        b.InlineRow(2, Samples.Code(1));
        using var table = TableReader.Open(new ForwardOnlyStream(b.Build()), "book.xlsx");

        Assert.Equal(Samples.Code(1), Samples.ReadAll(table, Field.CreditCode).Single().Cells[0]);
    }

    /// <summary>Headers in row 1: shared strings (one split into rich-text runs) and one inline string; styles 1–4.</summary>
    private static XlsxBuilder Workbook()
    {
        var b = new XlsxBuilder
        {
            NumFmts = "<numFmt numFmtId=\"176\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@\"/><numFmt numFmtId=\"177\" formatCode=\"[$-F400]h:mm:ss\\ AM/PM\"/>",
        };
        b.CellXfs.AddRange(["<xf numFmtId=\"14\" applyNumberFormat=\"1\"/>", "<xf numFmtId=\"176\"/>", "<xf numFmtId=\"177\"/>", "<xf numFmtId=\"2\"/>"]);
        var cells = Headers.Select((h, i) => i == 0
            ? $"<c r=\"A1\" t=\"s\"><v>{b.Shared("<r><t>credit</t></r><r><rPr><i/></rPr><t>_code</t></r>")}</v></c>"
            : i == 8 ? $"<c r=\"I1\" t=\"inlineStr\"><is><t>{h}</t></is></c>" : $"<c r=\"{XlsxBuilder.Column(i)}1\" t=\"s\"><v>{b.Shared($"<t>{h}</t>")}</v></c>");
        b.Raw($"<row r=\"1\">{string.Concat(cells)}</row>");
        return b;
    }

    private static (string Format, List<(int Row, bool Blank, string[] Cells)> Rows) Read(XlsxBuilder builder, params Field[] fields)
    {
        using var table = TableReader.Open(new MemoryStream(builder.Build()), "book.xlsx");
        return (table.Format, Samples.ReadAll(table, fields));
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

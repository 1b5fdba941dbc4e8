using MuScore.Core.Records;

namespace MuScore.Ingest.Tests.Xlsx;

/// <summary>
/// Workbooks as real producers write them (Xlsx/RealWorld/README.md says which made each): every
/// record is read with its row number, every header lands on its field, and values read as the
/// cell shows them.
/// </summary>
public class RealWorldWorkbookTests
{
    private static readonly Field[] Fields =
        [Field.CreditCode, Field.Name, Field.Region, Field.Industry, Field.Scale, Field.LandOwnMu, Field.Tax, Field.ValueAdded, Field.ProductionStart, Field.InConstruction];

    private static readonly string[] GbHeaders =
        ["统一社会信用代码", "企业名称", "行政区划代码", "国民经济行业代码", "规模", "自有土地面积（亩）", "实缴税金（万元）", "工业增加值（万元）", "投产日期", "项目建设期"];

    [Theory]
    [InlineData("openpyxl-title-two-row-header.xlsx")]
    [InlineData("libreoffice-title-two-row-header.xlsx")]
    public void Load_TitleRowTwoRowHeaderAndHiddenFirstSheet_ReadsTheVisibleSheetUnderItsHeader(string file)
    {
        using var table = Open(file);
        var rows = Samples.ReadAll(table, Fields);

        Assert.Equal(GbHeaders, table.Headers);
        Assert.Empty(table.IgnoredHeaders);
        Assert.Equal([4, 5, 6], rows.Select(r => r.Row));
        Assert.Equal([Samples.Code(1), "台州一号机械有限公司", "331082", "C3670", "规上", "12.5", "30.25", "120", "2015-06-01", "否"], rows[0].Cells);
        Assert.Equal([Samples.Code(2), "台州二号电子有限公司", "331082", "C3990", "规下", "8", "1,234.5", "56.5", "2019-03-15", "是"], rows[1].Cells);
        Assert.Equal([Samples.Code(3), "台州三号塑料制品厂", "331082", "C2927", "规上", "20", "45", "", "2008-12-31", "否"], rows[2].Cells);
    }

    [Theory]
    [InlineData("openpyxl-title-two-row-header.xlsx")]
    [InlineData("libreoffice-title-two-row-header.xlsx")]
    public void Load_NumberStoredAsTextWithThousandsSeparator_FailsOnItsRowAndField(string file)
    {
        using var table = Open(file);
        var result = RowLoader.Load(table);

        Assert.Equal(1, result.InvalidCount);
        var problem = Assert.Single(result.Rows[1].Problems);
        Assert.Equal((5, Field.Tax, ProblemRule.NumberFormat), (result.Rows[1].RowNumber, problem.Field, problem.Rule));
        Assert.Contains("'1,234.5'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WpsPhoneticRichTextAndZhDateFormat_ReadsTheTextShown()
    {
        using var table = Open("wps-phonetic-rich-text.xlsx");
        var rows = Samples.ReadAll(table, Fields);

        Assert.Equal(GbHeaders, table.Headers);
        Assert.Equal([2, 3], rows.Select(r => r.Row));
        Assert.Equal([Samples.Code(4), "台州四号纺织有限公司", "331082", "C1712", "规上", "15.5", "61.2", "122.5", "2016-01-01", "否"], rows[0].Cells);
        Assert.Equal([Samples.Code(5), "台州五号阀门有限公司", "331082", "C3443", "规下", "6", "9.8", "33", "2021-01-01", "是"], rows[1].Cells);
    }

    [Fact]
    public void Load_ExcelHiddenSheetDateFormatsOmittedCellsAndErrors_ReadsTheVisibleSheet()
    {
        using var table = Open("excel-hidden-sheet-date-formats.xlsx");
        var rows = Samples.ReadAll(table, Fields);

        Assert.Equal(" 企业名称 ", table.Headers[1]);
        Assert.Empty(table.IgnoredHeaders);
        Assert.Equal([(2, false), (3, false), (4, true), (5, false)], rows.Select(r => (r.Row, r.Blank)));
        Assert.Equal([Samples.Code(6), "  台州六号 化工  ", "331082", "C2614", "规上", "30", "150.75", "600", "2019-01-01", "0"], rows[0].Cells);
        Assert.Equal([Samples.Code(7), "台州七号制衣有限公司", "331082", "C2614", "规上", "10", "20", "", "2013-01-01", ""], rows[1].Cells);
        Assert.Equal([Samples.Code(8), "台州八号铸造厂", "331082", "C2614", "规上", "5", "#DIV/0!", "12", "2006-01-01", "否"], rows[3].Cells);
    }

    [Fact]
    public void Load_ExcelFormulaError_FailsTheNumberRuleOnItsRow()
    {
        using var table = Open("excel-hidden-sheet-date-formats.xlsx");
        var result = RowLoader.Load(table);

        Assert.Equal([2, 3, 4, 5], result.Rows.Select(r => r.RowNumber));
        var problem = Assert.Single(result.Rows[3].Problems);
        Assert.Equal((Field.Tax, ProblemRule.NumberFormat), (problem.Field, problem.Rule));
        Assert.Contains("#DIV/0!", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NamedHiddenSheet_ReadsThatSheet()
    {
        var error = Assert.Throws<TableFormatException>(() => Open("excel-hidden-sheet-date-formats.xlsx", "核对"));

        // The hidden sheet is read when named; it holds no header, which the message says.
        Assert.StartsWith("excel-hidden-sheet-date-formats.xlsx: the header row (row 1) lacks the required columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SheetThatIsNotThere_NamesTheSheetsThereAre()
    {
        var error = Assert.Throws<TableFormatException>(() => Open("excel-hidden-sheet-date-formats.xlsx", "Sheet1"));

        Assert.Equal("excel-hidden-sheet-date-formats.xlsx: has no worksheet named 'Sheet1' (sheets: '核对' (hidden), '企业数据')", error.Message);
    }

    [Fact]
    public void Load_PoiInlineStrings1904DatesAndTitleRow_ReadsFromTheHeaderOn()
    {
        using var table = Open("poi-inline-strings-1904.xlsx");
        var rows = Samples.ReadAll(table, Fields);

        Assert.Equal(GbHeaders, table.Headers);
        Assert.Equal([4, 5], rows.Select(r => r.Row));
        Assert.Equal([Samples.Code(9), "台州九号汽配有限公司", "331082", "C3670", "规上", "18", "72.4", "300", "2016-12-31", "否"], rows[0].Cells);
        Assert.Equal([Samples.Code(10), "台州十号食品有限公司", "331082", "C1411", "规下", "4.5", "3", "15", "2013-12-31", "是"], rows[1].Cells);
        Assert.Equal(0, RowLoader.Load(Open("poi-inline-strings-1904.xlsx")).InvalidCount);
    }

    private static InputTable Open(string file, string? sheet = null) =>
        TableReader.Open(new MemoryStream(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Xlsx", "RealWorld", file))), file, new TableReadOptions { Sheet = sheet });
}

using MuScore.Core.Records;

namespace MuScore.Ingest.Tests.Tables;

/// <summary>Title rows and two-row headers, as exports come, in CSV (the .xlsx cases are RealWorldWorkbookTests).</summary>
public class HeaderSearchTests
{
    private static readonly Field[] Fields = [Field.CreditCode, Field.Name, Field.Tax, Field.ValueAdded];

    [Fact]
    public void Open_TitleRowAboveTheHeader_ReadsDataFromBelowTheHeader()
    {
        var text = "2024年度亩均效益评价数据,,,,,,,,,\n\n" + Samples.Csv(Samples.ChineseHeaders, [Samples.Row(1), Samples.Row(2)]);
        using var table = Samples.Open(text);

        var rows = Samples.ReadAll(table, Fields);

        Assert.Equal(Samples.ChineseHeaders, table.Headers);
        Assert.Equal([4, 5], rows.Select(r => r.Row));
        Assert.Equal([Samples.Code(1), "台州1号机械有限公司", "30.25", "-3"], rows[0].Cells);
    }

    [Fact]
    public void Open_GroupRowOverNamesWithOtherNamesMergedDown_ReadsOneHeader()
    {
        var text = "统一社会信用代码,企业名称,行政区划代码,国民经济行业代码,规模,经济指标,,,投产日期,项目建设期\n"
            + ",,,,,自有土地面积（亩）,实缴税金（万元）,工业增加值(万元),,\n"
            + string.Join(',', Samples.Row(1)) + "\n";
        using var table = Samples.Open(text);

        var rows = Samples.ReadAll(table, Fields);

        Assert.Equal(Samples.ChineseHeaders, table.Headers);
        Assert.Equal([3], rows.Select(r => r.Row));
        Assert.Equal([Samples.Code(1), "台州1号机械有限公司", "30.25", "-3"], rows[0].Cells);
    }

    [Fact]
    public void Open_CompleteHeaderWithMoreNamesInTheRowBelow_TakesTheRowBelowAsPartOfTheHeader()
    {
        // Every required field is in row 1 (merged down); value_added is named only in row 2.
        var text = "统一社会信用代码,企业名称,行政区划代码,国民经济行业代码,规模,自有土地面积（亩）,实缴税金（万元）,其他指标,投产日期,项目建设期\n"
            + ",,,,,,,工业增加值(万元),,\n"
            + string.Join(',', Samples.Row(1)) + "\n";
        using var table = Samples.Open(text);

        var rows = Samples.ReadAll(table, Fields);

        Assert.Equal("工业增加值(万元)", table.Headers[7]);
        Assert.Equal([(3, "-3")], rows.Select(r => (r.Row, r.Cells[3])));
    }

    [Fact]
    public void Open_FirstDataRowRightBelowTheHeader_StaysData()
    {
        using var table = Samples.Open(Samples.Csv(Samples.EnglishHeaders, [Samples.Row(1)]));

        Assert.Equal([(2, Samples.Code(1))], Samples.ReadAll(table, Fields).Select(r => (r.Row, r.Cells[0])));
    }

    [Fact]
    public void Open_NoRowNamesEveryRequiredField_NamesTheRowThatComesClosest()
    {
        var text = "2024年度亩均效益评价数据\n统一社会信用代码,企业名称,行政区划代码,国民经济行业代码,规模\n" + string.Join(',', Samples.Row(1)[..5]) + "\n";

        var error = Assert.Throws<TableFormatException>(() => Samples.Open(text));

        Assert.StartsWith("test.csv: the header row (row 2) lacks the required column tax (实缴税金)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TitleRowAndBlankRows_KeepsSpreadsheetRowNumbersAndBlankRowsInsideTheData()
    {
        var text = "2024年度亩均效益评价数据\n" + Samples.Csv(Samples.EnglishHeaders, [Samples.Row(1)]) + "\n" + string.Join(',', Samples.Row(2)) + "\n";

        var result = Samples.Load(text);

        Assert.Equal([(3, 0), (4, 1), (5, 0)], result.Rows.Select(r => (r.RowNumber, r.Problems.Count)));
    }
}

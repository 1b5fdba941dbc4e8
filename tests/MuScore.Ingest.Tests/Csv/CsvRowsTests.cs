using MuScore.Core.Records;

namespace MuScore.Ingest.Tests.Csv;

public class CsvRowsTests
{
    private const string Header = "credit_code,name,region,industry,scale,tax\n";

    [Fact]
    public void ReadRows_QuotedCommasNewlinesAndQuotes_KeepsTextAndNumbersRowsAfterAMultiLineRecord()
    {
        var text = Header
            + "A,\"台州, 有限公司\",331082,C3670,规上,1\n"
            + "B,\"第一行\r\n第二行\n第三行\",331082,C3670,规上,2\n"
            + "C,\"他说\"\"好\"\"\",331082,C3670,规上,3\n"
            + "D,\"\",331082,C3670,规上,4\n";
        using var table = Samples.Open(text);

        var rows = Samples.ReadAll(table, Field.CreditCode, Field.Name, Field.Tax);

        Assert.Equal([2, 3, 4, 5], rows.Select(r => r.Row));
        Assert.Equal(["台州, 有限公司", "第一行\r\n第二行\n第三行", "他说\"好\"", ""], rows.Select(r => r.Cells[1]));
        Assert.Equal(["1", "2", "3", "4"], rows.Select(r => r.Cells[2]));
    }

    [Fact]
    public void ReadRows_QuoteInsideUnquotedCellAndTextAfterClosingQuote_AreKeptLiterally()
    {
        using var table = Samples.Open(Header + "A,12\"3,331082,\"C3\"670,规上,1\n");

        var row = Assert.Single(Samples.ReadAll(table, Field.Name, Field.Industry));

        Assert.Equal(["12\"3", "C3670"], row.Cells);
    }

    [Fact]
    public void ReadRows_BlankLinesInsideData_AreBlankRowsWithTheirNumbersAndTrailingBlanksAreNoRows()
    {
        var text = Header + "A,n,331082,C3670,规上,1\n\n,,, ,,\nB,n,331082,C3670,规上,2\n\n,,,,,\n\n";
        using var table = Samples.Open(text);

        var rows = Samples.ReadAll(table, Field.CreditCode);

        Assert.Equal([(2, false), (3, true), (4, true), (5, false)], rows.Select(r => (r.Row, r.Blank)));
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void ReadRows_AnyLineEnd_GivesTheSameRows(string newline)
    {
        var text = Samples.Csv(Samples.EnglishHeaders, [Samples.Row(1), Samples.Row(2)], newline);
        using var table = Samples.Open(text);

        var rows = Samples.ReadAll(table, Field.CreditCode, Field.InConstruction);

        Assert.Equal([(2, Samples.Code(1)), (3, Samples.Code(2))], rows.Select(r => (r.Row, r.Cells[0])));
        Assert.All(rows, r => Assert.Equal("否", r.Cells[1]));
    }

    [Fact]
    public void ReadRows_NoNewlineAtEnd_ReadsTheLastRow()
    {
        using var table = Samples.Open(Header + "A,n,331082,C3670,规上,1\nB,n,331082,C3670,规上,2");

        Assert.Equal(["1", "2"], Samples.ReadAll(table, Field.Tax).Select(r => r.Cells[0]));
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    public void Open_SemicolonOrTabHeader_DetectsTheDelimiter(char delimiter)
    {
        var text = $"credit_code{delimiter}region{delimiter}industry{delimiter}scale{delimiter}tax\nA{delimiter}331082{delimiter}C3670{delimiter}规上{delimiter}1,5\n";
        using var table = Samples.Open(text);

        var row = Assert.Single(Samples.ReadAll(table, Field.Region, Field.Tax));

        Assert.Equal(["331082", "1,5"], row.Cells);
    }

    [Fact]
    public void ReadRows_ShortRow_HasBlankMissingCells()
    {
        using var table = Samples.Open(Header + "A,n,331082\n");

        var row = Assert.Single(Samples.ReadAll(table, Field.Region, Field.Scale, Field.Tax));

        Assert.Equal(["331082", "", ""], row.Cells);
    }

    [Fact]
    public void ReadRows_LongRow_CarriesAnExtraCellsProblemButBlankTrailingCellsDoNot()
    {
        using var table = Samples.Open(Header + "A,n,331082,C3670,规上,1,234,\nB,n,331082,C3670,规上,2,,\n");

        var problems = table.ReadRows().Select(r => r.TableProblems.ToList()).ToList();

        var problem = Assert.Single(problems[0]);
        Assert.Null(problem.Field);
        Assert.Equal(ProblemRule.ExtraCells, problem.Rule);
        Assert.Contains("1 non-blank cell right of the last header column (column 7 '234')", problem.Message, StringComparison.Ordinal);
        Assert.Empty(problems[1]);
    }

    [Fact]
    public void ReadRows_UnterminatedQuote_ThrowsNamingRowAndColumn()
    {
        using var table = Samples.Open(Header + "A,n,331082,C3670,规上,1\nB,\"台州\n有限公司,331082,C3670,规上,2\n");

        var error = Assert.Throws<TableFormatException>(() => table.ReadRows().Count());

        Assert.StartsWith("test.csv: row 3, column 2: the quoted cell starting \"台州 有限公司,331082,C3670,规上… is never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_ManyRowsAcrossBufferRefills_ReadsEveryCellIntact()
    {
        var rows = Enumerable.Range(1, 20_000)
            .Select(i => Samples.RowWith(i, "name", i % 7 == 0 ? $"多行\r\n名称 \"{i}\", 有限公司" : $"企业{i}"))
            .ToList();
        using var table = Samples.Open(Samples.Csv(Samples.EnglishHeaders, rows, "\r\n"));

        var read = Samples.ReadAll(table, Field.CreditCode, Field.Name, Field.InConstruction);

        Assert.Equal(rows.Count, read.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal((i + 2, rows[i][0], rows[i][1], "否"), (read[i].Row, read[i].Cells[0], read[i].Cells[1], read[i].Cells[2]));
        }
    }

    [Fact]
    public void ReadRows_CellLongerThanTheBuffer_IsReadWhole()
    {
        var longName = new string('长', 200_000);
        using var table = Samples.Open(Header + $"A,\"{longName}\",331082,C3670,规上,1\nB,n,331082,C3670,规上,2\n");

        var rows = Samples.ReadAll(table, Field.Name, Field.Tax);

        Assert.Equal([(longName, "1"), ("n", "2")], rows.Select(r => (r.Cells[0], r.Cells[1])));
    }
}

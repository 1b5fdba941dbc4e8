using System.Text;
using MuScore.Core.Records;

namespace MuScore.Ingest.Tests.Tables;

public class TableReaderTests
{
    [Fact]
    public void Open_ChineseHeadersWithUnits_MapsEveryColumn()
    {
        using var table = Samples.Open(Samples.Csv(Samples.ChineseHeaders, [Samples.Row(1)]));

        var rows = Samples.ReadAll(table, Field.CreditCode, Field.Region, Field.Tax, Field.ValueAdded, Field.LandOwnMu);

        Assert.Equal(Samples.ChineseHeaders, table.Headers);
        Assert.Empty(table.IgnoredHeaders);
        Assert.Equal([Samples.Code(1), "331082", "30.25", "-3", "12.5"], Assert.Single(rows).Cells);
    }

    [Fact]
    public void Open_EnglishHeadersAndUnknownColumn_ReportsTheUnknownHeaderAsIgnored()
    {
        string[] headers = [.. Samples.EnglishHeaders, "备注"];
        using var table = Samples.Open(Samples.Csv(headers, [[.. Samples.Row(1), "note"]]));

        var row = Assert.Single(Samples.ReadAll(table, Field.CreditCode, Field.Name));

        Assert.Equal(["备注"], table.IgnoredHeaders);
        Assert.Equal([Samples.Code(1), "台州1号机械有限公司"], row.Cells);
        Assert.True(table.HasColumn(Field.Tax));
        Assert.False(table.HasColumn(Field.Water));
    }

    [Fact]
    public void Open_BlankHeaderBetweenColumns_IsIgnoredAndNamedByColumn()
    {
        using var table = Samples.Open("credit_code,,region,industry,scale,tax\n");

        Assert.Equal(["(blank, column 2)"], table.IgnoredHeaders);
    }

    [Fact]
    public void Open_HeaderOnly_HasZeroRows()
    {
        using var table = Samples.Open(string.Join(',', Samples.EnglishHeaders) + "\r\n\r\n");

        Assert.Empty(table.ReadRows());
    }

    [Fact]
    public void Open_MissingRequiredColumns_NamesThemInBothLanguagesAndListsFoundHeaders()
    {
        var error = Assert.Throws<TableFormatException>(() => Samples.Open("credit_code,name,tax\n1,2,3\n"));

        Assert.Equal(
            "test.csv: the header row (row 1) lacks the required columns region (行政区划代码), industry (国民经济行业代码), scale (规模); headers found: 'credit_code', 'name', 'tax'. Accepted header names are listed in docs/input-format.md",
            error.Message);
    }

    [Fact]
    public void Open_TwoHeadersForOneField_NamesBothHeaders()
    {
        var error = Assert.Throws<TableFormatException>(() => Samples.Open("credit_code,region,industry,scale,tax,实缴税金（万元）\n"));

        Assert.Contains("'tax' (column 5) and '实缴税金（万元）' (column 6) both name the field tax (实缴税金)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0], "test.csv: the file is empty (no header row)")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'\r', (byte)'\n', (byte)' ', (byte)'\n' }, "test.csv: the file is empty (no header row)")]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0 }, "test.csv: is a binary file, not CSV text or an .xlsx workbook")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 }, "test.csv: is a legacy .xls workbook (or a password-protected one); save it as .xlsx or CSV")]
    public void Open_NotATable_ThrowsOneClearMessage(byte[] bytes, string message)
    {
        var error = Assert.Throws<TableFormatException>(() => Samples.Open(bytes));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Open_CorruptZip_SaysItIsNotAValidWorkbook()
    {
        byte[] bytes = [.. "PK\x03\x04"u8, .. Enumerable.Repeat((byte)0x55, 200)];

        var error = Assert.Throws<TableFormatException>(() => Samples.Open(bytes));

        Assert.StartsWith("test.csv: is not a valid .xlsx workbook:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ZipWithoutWorkbook_SaysItIsNoWorkbook()
    {
        using var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<document/>");
        }

        var error = Assert.Throws<TableFormatException>(() => Samples.Open(output.ToArray()));

        Assert.Equal("test.csv: is a zip archive but not an .xlsx workbook (it has no xl/workbook.xml)", error.Message);
    }

    [Fact]
    public void Open_FromPath_NamesThePathInMessages()
    {
        var path = Path.Combine(Path.GetTempPath(), $"muscore-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a,b\n1,2\n");
        try
        {
            var error = Assert.Throws<TableFormatException>(() => TableReader.Open(path));

            Assert.StartsWith(path + ": the header row (row 1) lacks", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Open_FromPath_ReadsRowsAndReportsProgressBytes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"muscore-{Guid.NewGuid():N}.csv");
        var text = Samples.Csv(Samples.EnglishHeaders, Enumerable.Range(1, 50).Select(Samples.Row));
        File.WriteAllText(path, text, new UTF8Encoding(false));
        try
        {
            using var table = TableReader.Open(path);
            var count = table.ReadRows().Count();

            Assert.Equal(50, count);
            Assert.Equal(Encoding.UTF8.GetByteCount(text), table.Length);
            Assert.Equal(table.Length, table.Position);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadRows_SecondCall_Throws()
    {
        using var table = Samples.Open(Samples.Csv(Samples.EnglishHeaders, [Samples.Row(1)]));
        _ = table.ReadRows().Count();

        Assert.Throws<InvalidOperationException>(() => table.ReadRows());
    }
}

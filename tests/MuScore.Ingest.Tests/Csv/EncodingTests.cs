using System.Text;
using MuScore.Core.Records;

namespace MuScore.Ingest.Tests.Csv;

public class EncodingTests
{
    private static readonly string Text = Samples.Csv(Samples.ChineseHeaders, Enumerable.Range(1, 30).Select(Samples.Row), "\r\n");

    [Fact]
    public void Open_Utf8WithAndWithoutBom_GiveTheSameRowsAndHash()
    {
        var plain = Load(new UTF8Encoding(false).GetBytes(Text));
        var withBom = Load([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Text)]);

        Assert.Equal("csv-utf8", plain.Format);
        Assert.Equal("csv-utf8-bom", withBom.Format);
        Assert.Equal(plain.Hash, withBom.Hash);
        Assert.Equal(plain.Names, withBom.Names);
    }

    [Fact]
    public void Open_Gb18030Bytes_AreDetectedAndGiveTheSameRowsAndHashAsUtf8()
    {
        var utf8 = Load(Encoding.UTF8.GetBytes(Text));
        var gb = Load(Samples.Gb18030().GetBytes(Text));

        Assert.Equal("csv-gb18030", gb.Format);
        Assert.Equal(utf8.Hash, gb.Hash);
        Assert.Equal(utf8.Names, gb.Names);
        Assert.Equal("台州1号机械有限公司", gb.Names[0]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Open_Utf16WithBom_IsDecoded(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, true);
        var utf16 = Load([.. encoding.Preamble, .. encoding.GetBytes(Text)]);

        Assert.Equal(bigEndian ? "csv-utf16be" : "csv-utf16le", utf16.Format);
        Assert.Equal(Load(Encoding.UTF8.GetBytes(Text)).Hash, utf16.Hash);
    }

    [Fact]
    public void Open_ExplicitGb18030_OverridesDetection()
    {
        // Valid UTF-8 that is really GB18030 is rare; the override decides for the user.
        var bytes = Samples.Gb18030().GetBytes(Text);
        using var table = Samples.Open(bytes, new TableReadOptions { Encoding = CsvEncoding.Gb18030 });

        Assert.Equal("csv-gb18030", table.Format);
        Assert.Equal(Samples.ChineseHeaders, table.Headers);
    }

    [Fact]
    public void Open_ExplicitUtf8OnGb18030Bytes_ThrowsNamingTheEncodingAndRow()
    {
        var bytes = Samples.Gb18030().GetBytes(Text);

        var error = Assert.Throws<TableFormatException>(() => Samples.Open(bytes, new TableReadOptions { Encoding = CsvEncoding.Utf8 }));

        Assert.StartsWith("test.csv: the text is not valid UTF-8 near byte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_InvalidUtf8AfterTheSampledMebibyte_ThrowsInsteadOfGarbling()
    {
        var rows = Enumerable.Range(1, 12_000).Select(Samples.Row).ToList();
        var bytes = Encoding.UTF8.GetBytes(Samples.Csv(Samples.EnglishHeaders, rows)).ToList();
        Assert.True(bytes.Count > EncodingDetector.SampleSize);
        bytes.AddRange(Samples.Gb18030().GetBytes(string.Join(',', Samples.RowWith(99_999, "name", "杭州")) + "\n"));
        using var table = Samples.Open(bytes.ToArray());

        var error = Assert.Throws<TableFormatException>(() => table.ReadRows().Count());

        Assert.Contains("is not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadRows_BytesInvalidInUtf8AndGb18030_ThrowInsteadOfGarbling()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("credit_code,region,industry,scale,tax\nA,331082,C3670,"), 0xFF, 0xFE, 0x80, .. "\n"u8];

        var error = Assert.Throws<TableFormatException>(() => Samples.Open(bytes).ReadRows().Count());

        Assert.StartsWith("test.csv: the text is not valid GB18030 (nor UTF-8) near byte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_QuoteAsDelimiter_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Samples.Open("a", options: new TableReadOptions { Delimiter = '"' }));
    }

    [Fact]
    public void IsUtf8_SequenceCutAtTheSampleEnd_IsStillUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("企业名称");

        Assert.True(EncodingDetector.IsUtf8(bytes.AsSpan(0, bytes.Length - 1), complete: false));
        Assert.False(EncodingDetector.IsUtf8(bytes.AsSpan(0, bytes.Length - 1), complete: true));
    }

    private static (string Format, string Hash, List<string> Names) Load(byte[] bytes)
    {
        using var table = Samples.Open(bytes);
        var format = table.Format;
        var names = new List<string>();
        using var hasher = new MuScore.Core.Hashing.InputHasher();
        foreach (var row in table.ReadRows())
        {
            hasher.Append(row);
            names.Add(row.Cell(Field.Name).ToString());
        }

        return (format, hasher.Finish(), names);
    }
}

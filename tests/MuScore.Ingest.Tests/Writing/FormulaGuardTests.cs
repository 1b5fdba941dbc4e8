using System.IO.Compression;
using System.Text;

namespace MuScore.Ingest.Tests.Writing;

/// <summary>CSV injection: text cells that a spreadsheet would run are written as text; numbers are not touched.</summary>
public sealed class FormulaGuardTests
{
    private static readonly string[] Headers = ["name", "value"];
    private static readonly XlsxColumnKind[] Kinds = [XlsxColumnKind.Text, XlsxColumnKind.Number];

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)", "'@SUM(1+1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("-3.2", "'-3.2")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    public void WriteRow_TextCellStartingLikeAFormula_PrefixedWithAQuote(string name, string written) =>
        Assert.Equal($"{written},1\n", DataRow(Report([name, "1"])));

    [Theory]
    [InlineData("-3.2")]
    [InlineData("+5")]
    [InlineData("-1E-3")]
    [InlineData("0")]
    public void WriteRow_PlainNumberInANumberColumn_Untouched(string number) =>
        Assert.Equal($"x,{number}\n", DataRow(Report(["x", number])));

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("-n/a", "'-n/a")]
    public void WriteRow_TextInANumberColumn_GuardedLikeText(string cell, string written) =>
        Assert.Equal($"x,{written}\n", DataRow(Report(["x", cell])));

    [Fact]
    public void WriteRow_OrdinaryText_Unchanged() =>
        Assert.Equal("台州某某机械有限公司,12.5\n", DataRow(Report(["台州某某机械有限公司", "12.5"])));

    [Fact]
    public void WriteRow_WriterWithoutKinds_WritesInputCellsAsGiven()
    {
        // muscore sample writes input tables: their cells must read back exactly as generated.
        using var output = new MemoryStream();
        using (var writer = new CsvTableWriter(output, Headers, leaveOpen: true))
        {
            writer.WriteRow((IReadOnlyList<string?>)["=1+1", "-3"]);
        }

        Assert.Equal("=1+1,-3\n", DataRow(output.ToArray()));
    }

    [Fact]
    public void Xlsx_FormulaLikeName_StoredAsAnInlineStringNeverAFormula()
    {
        using var output = new MemoryStream();
        using (var writer = new XlsxTableWriter(output, Headers, Kinds, leaveOpen: true))
        {
            writer.WriteRow((IReadOnlyList<string?>)["=HYPERLINK(\"http://x\",\"y\")", "=1+1"]);
            writer.WriteRow((IReadOnlyList<string?>)["x", "-3.2"]);
        }

        using var zip = new ZipArchive(new MemoryStream(output.ToArray()));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var sheet = reader.ReadToEnd();
        Assert.Contains("<c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t></is></c>", sheet, StringComparison.Ordinal);
        Assert.Contains("<c r=\"B2\" t=\"inlineStr\"><is><t xml:space=\"preserve\">=1+1</t></is></c>", sheet, StringComparison.Ordinal);
        Assert.Contains("<c r=\"B3\"><v>-3.2</v></c>", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", sheet, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_KindsNotOnePerHeader_Throws() =>
        Assert.Throws<ArgumentException>(() => new CsvTableWriter(new MemoryStream(), Headers, [XlsxColumnKind.Text]));

    private static byte[] Report(string?[] row)
    {
        using var output = new MemoryStream();
        using (var writer = new CsvTableWriter(output, Headers, Kinds, leaveOpen: true))
        {
            writer.WriteRow(row);
        }

        return output.ToArray();
    }

    // The text after the BOM and the header line.
    private static string DataRow(byte[] bytes) => Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)["name,value\n".Length..];
}

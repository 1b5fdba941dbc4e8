using System.Text;

namespace MuScore.Ingest.Tests.Writing;

/// <summary>Rows built in a <see cref="CsvRowBuffer"/> are the bytes <see cref="CsvTableWriter"/> writes for the same cells.</summary>
public class CsvRowBufferTests
{
    private static readonly XlsxColumnKind[] Kinds = [XlsxColumnKind.Number, XlsxColumnKind.Text, XlsxColumnKind.Number, XlsxColumnKind.Text];

    [Theory]
    [InlineData("plain")]
    [InlineData("")]
    [InlineData("a,b")]
    [InlineData("say \"hi\"")]
    [InlineData("\"")]
    [InlineData("line\nbreak")]
    [InlineData("cr\rhere")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1")]
    [InlineData("-2")]
    [InlineData("@sum")]
    [InlineData("\tx")]
    [InlineData("\r\n")]
    [InlineData("甲, 乙\n丙")]
    [InlineData(" spaced ")]
    [InlineData("'quoted'")]
    [InlineData("😀 emoji, \"x\"")]
    public void Text_AnyCell_IsTheBytesOfCsvTableWriter(string cell)
    {
        var expected = Rows([["1", cell, cell, cell]]);

        var buffer = new CsvRowBuffer(4);
        buffer.Number(1);
        buffer.Text(cell, Kinds[1]);
        buffer.Text(cell, Kinds[2]);
        buffer.Text(cell, Kinds[3]);
        buffer.EndRow();

        Assert.Equal(expected, buffer.Written.ToArray());
    }

    [Fact]
    public void Text_RandomCellsOfSpecialCharacters_AreTheBytesOfCsvTableWriter()
    {
        const string alphabet = "ab,\"\r\n=+-@\t' 1.甲😀";
        var random = new Random(3);
        var rows = new string?[500][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new string?[Kinds.Length];
            for (var c = 0; c < Kinds.Length; c++)
            {
                var text = new StringBuilder();
                for (var n = random.Next(6); n > 0; n--)
                {
                    var at = random.Next(alphabet.Length);

                    // Keep a surrogate pair whole.
                    text.Append(char.IsSurrogate(alphabet[at]) ? "😀" : alphabet[at]);
                }

                rows[r][c] = random.Next(8) == 0 ? null : text.ToString();
            }
        }

        var buffer = new CsvRowBuffer(1);
        foreach (var row in rows)
        {
            for (var c = 0; c < Kinds.Length; c++)
            {
                buffer.Text(row[c], Kinds[c]);
            }

            buffer.EndRow();
        }

        Assert.Equal(Rows(rows), buffer.Written.ToArray());
    }

    [Fact]
    public void Number_FormatsAndEmpties_AreTheBytesOfCsvTableWriter()
    {
        var expected = Rows([["-3.25", NumberText.Format(double.NegativeInfinity), "17.71", string.Empty]]);

        var buffer = new CsvRowBuffer();
        buffer.Number(-3.25);
        buffer.Number(double.NegativeInfinity);
        buffer.Number(17.710m);
        buffer.Number((int?)null);
        buffer.EndRow();

        Assert.Equal(expected, buffer.Written.ToArray());
        Assert.Contains("'-", Encoding.UTF8.GetString(expected), StringComparison.Ordinal);
    }

    [Fact]
    public void Clear_StartsOverWithoutASeparator()
    {
        var buffer = new CsvRowBuffer();
        buffer.Text("a", XlsxColumnKind.Text);
        buffer.Clear();
        buffer.Text("b", XlsxColumnKind.Text);
        buffer.Empty();
        buffer.EndRow();

        Assert.Equal("b,\n"u8.ToArray(), buffer.Written.ToArray());
    }

    [Fact]
    public void Text_LoneSurrogate_FailsAsTheStreamWriterDoes()
    {
        var buffer = new CsvRowBuffer();

        Assert.Throws<EncoderFallbackException>(() => buffer.Text("\uD800x", XlsxColumnKind.Text));
        Assert.Throws<EncoderFallbackException>(() => Rows([["1", "\uD800x", "2", "y"]]));
    }

    /// <summary>The rows as CsvTableWriter writes them after its header (a continuation: no BOM, no header).</summary>
    private static byte[] Rows(string?[][] rows)
    {
        var stream = new MemoryStream();
        using (var writer = CsvTableWriter.Continuation(stream, Kinds, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
        }

        return stream.ToArray();
    }
}

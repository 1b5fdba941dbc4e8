using System.IO.Compression;
using System.Text;

namespace MuScore.Ingest.Tests.Writing.Workbook;

/// <summary>
/// The sheet deflater against the runtime's inflater: whatever the bytes and the value marks, the
/// blocks it makes inflate back to exactly the input, alone and joined as ratings.xlsx joins them.
/// </summary>
public class MarkupDeflaterTests
{
    [Fact]
    public void Compress_SheetLikeRowsWithTheirMarks_InflatesToTheInput()
    {
        var (data, marks) = SheetLike(rows: 3_000, seed: 1);

        var compressed = Deflate(new MarkupDeflater(), data, marks);

        Assert.Equal(data, Inflate(compressed));
        Assert.True(compressed.Length < data.Length / 3, $"{compressed.Length} bytes from {data.Length}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(100)]
    [InlineData(70_000)]
    public void Compress_RandomBytesAndRandomMarks_InflatesToTheInput(int length)
    {
        var random = new Random(length);
        var data = new byte[length];
        random.NextBytes(data);

        // Few distinct bytes in places, so spans repeat; every byte value somewhere when long enough.
        for (var i = 0; i < length; i += 2)
        {
            data[i] = (byte)(i % 7 == 0 ? i % 256 : random.Next(4));
        }

        var marks = RandomMarks(random, length);

        Assert.Equal(data, Inflate(Deflate(new MarkupDeflater(), data, marks)));
    }

    [Fact]
    public void Compress_HeadersOfEveryLengthThenRareBytes_InflateToTheirInput()
    {
        // Headers of every length, each followed at once by rare bytes (codes of up to 15 bits):
        // the symbols must start right where the header's last bit ends, whatever is pending.
        var deflater = new MarkupDeflater();
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var data = new byte[random.Next(20_000, 70_000)];
            for (var i = 0; i < data.Length; i++)
            {
                data[i] = i < 12 || random.Next(5_000) == 0 ? (byte)random.Next(256) : (byte)('0' + random.Next(3));
            }

            Assert.Equal(data, Inflate(Deflate(deflater, data, RandomMarks(random, data.Length))));
        }
    }

    [Fact]
    public void Compress_MarkupLongerThanOneMatchAndFartherThanTheWindow_InflatesToTheInput()
    {
        // Markup of 1,000 bytes (four matches of at most 258), then the same markup again past
        // 32 KiB, which must be written as literals.
        var markup = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 250).Select(i => $"<x{i % 10}/>"))).AsSpan(0, 1_000).ToArray();
        var value = new byte[40_000];
        new Random(3).NextBytes(value);
        byte[] data = [.. markup, .. "42"u8, .. markup, .. value, .. markup, .. "7"u8, .. markup];
        int[] marks =
        [
            markup.Length, markup.Length + 2,
            (2 * markup.Length) + 2, (2 * markup.Length) + 2 + value.Length,
            (3 * markup.Length) + 2 + value.Length, (3 * markup.Length) + 3 + value.Length,
        ];

        Assert.Equal(data, Inflate(Deflate(new MarkupDeflater(), data, marks)));
    }

    [Fact]
    public void Compress_BlocksJoinedWithTheFinalBlock_InflateToTheirConcatenation()
    {
        var deflater = new MarkupDeflater();
        var blocks = Enumerable.Range(0, 4).Select(seed => SheetLike(rows: 200 + (seed * 50), seed)).ToList();

        using var joined = new MemoryStream();
        foreach (var (data, marks) in blocks)
        {
            joined.Write(Deflate(deflater, data, marks));
        }

        joined.Write(DeflateBlocks.FinalBlock);

        Assert.Equal(blocks.SelectMany(b => b.Data).ToArray(), Inflate(joined.ToArray()));
    }

    [Fact]
    public void Compress_SameBlockAfterAnother_GivesTheSameBytes()
    {
        var deflater = new MarkupDeflater();
        var (first, firstMarks) = SheetLike(rows: 300, seed: 5);
        var (other, otherMarks) = SheetLike(rows: 500, seed: 6);

        var before = Deflate(deflater, first, firstMarks);
        Deflate(deflater, other, otherMarks);

        Assert.Equal(before, Deflate(deflater, first, firstMarks));
        Assert.Equal(before, Deflate(new MarkupDeflater(), first, firstMarks));
    }

    [Theory]
    [InlineData(new[] { 5, 3 })]
    [InlineData(new[] { 2, 4, 3, 6 })]
    [InlineData(new[] { 1, 11 })]
    public void Compress_MarksOutOfOrderOrPastTheEnd_Throws(int[] marks)
    {
        var data = new byte[10];

        var error = Assert.Throws<ArgumentException>(() => new MarkupDeflater().Compress(data, marks));

        Assert.Contains("marks must be ordered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lengths_SkewedFrequencies_StayWithinTheLimitAndFormACompleteCode()
    {
        // Fibonacci frequencies: an unlimited Huffman code would be 29 bits deep.
        var frequencies = new int[30];
        frequencies[0] = frequencies[1] = 1;
        for (var i = 2; i < frequencies.Length; i++)
        {
            frequencies[i] = frequencies[i - 1] + frequencies[i - 2];
        }

        var lengths = new byte[30];
        HuffmanCode.Lengths(frequencies, lengths, 15);

        Assert.All(lengths, l => Assert.InRange(l, 1, 15));
        Assert.Equal(1.0, lengths.Sum(l => Math.Pow(2, -l)), 12);
        Assert.True(lengths[29] <= lengths[0], "the most frequent symbol has the shortest code");
    }

    private static byte[] Deflate(MarkupDeflater deflater, byte[] data, int[] marks)
    {
        var (buffer, length) = deflater.Compress(data, marks);
        var bytes = buffer.AsSpan(0, length).ToArray();
        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        return bytes;
    }

    /// <summary>Raw deflate data inflated; a single block gets the final block appended.</summary>
    private static byte[] Inflate(byte[] compressed)
    {
        var ended = compressed.AsSpan().EndsWith(DeflateBlocks.FinalBlock) ? compressed : [.. compressed, .. DeflateBlocks.FinalBlock];
        using var inflate = new DeflateStream(new MemoryStream(ended), CompressionMode.Decompress);
        using var output = new MemoryStream();
        inflate.CopyTo(output);
        return output.ToArray();
    }

    private static int[] RandomMarks(Random random, int length)
    {
        var marks = new List<int>();
        for (var at = random.Next(4); at < length; at += random.Next(1, 30))
        {
            marks.Add(at);
        }

        if (marks.Count % 2 == 1)
        {
            marks.Add(length);
        }

        return [.. marks];
    }

    /// <summary>Rows as the sheet writer writes them (references, shared indices, numbers, inline text), with the value marks.</summary>
    private static (byte[] Data, int[] Marks) SheetLike(int rows, int seed)
    {
        var random = new Random(seed);
        var data = new List<byte>();
        var marks = new List<int>();
        void Markup(string text) => data.AddRange(Encoding.UTF8.GetBytes(text));
        void Value(string text)
        {
            marks.Add(data.Count);
            data.AddRange(Encoding.UTF8.GetBytes(text));
            marks.Add(data.Count);
        }

        for (var r = 2; r < rows + 2; r++)
        {
            Markup("<row><c><v>");
            Value(r.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Markup("</v></c><c t=\"s\"><v>");
            Value(random.Next(4).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Markup("</v></c><c r=\"D");
            Value(r.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Markup("\" t=\"inlineStr\"><is><t>");
            Value(random.Next(3) == 0 ? "淮安市嘉锦仪器有限公司" : "&lt;Company " + random.Next(1000));
            for (var c = 0; c < 20; c++)
            {
                Markup(c == 0 ? "</t></is></c><c><v>" : "</v></c><c><v>");
                Value((random.NextDouble() * 1000).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture));
            }

            Markup("</v></c></row>");
        }

        return ([.. data], [.. marks]);
    }
}

using System.Globalization;
using System.Text;

namespace MuScore.Ingest.Tests.Writing;

/// <summary>The table-driven digits are the invariant culture's, at every length and at the edges.</summary>
public class AsciiDigitsTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(9L)]
    [InlineData(10L)]
    [InlineData(99L)]
    [InlineData(100L)]
    [InlineData(1_000_000L)]
    [InlineData(-1L)]
    [InlineData(-10L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void WriteSigned_Edges_AreTheInvariantText(long value)
    {
        var buffer = new byte[24];

        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer, 0, AsciiDigits.WriteSigned(value, buffer)));
    }

    [Fact]
    public void Write_RandomValuesOfEveryLength_AreTheInvariantText()
    {
        var random = new Random(20261207);
        var buffer = new byte[24];
        for (var i = 0; i < 200_000; i++)
        {
            // Every digit count from 1 to 20 equally often.
            var value = (ulong)random.NextInt64() >> random.Next(64);
            value = i % 3 == 0 ? ulong.MaxValue - value : value;
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Encoding.ASCII.GetString(buffer, 0, AsciiDigits.Write(value, buffer)));
        }
    }

    [Fact]
    public void WriteMillionths_RandomValues_AreTheDecimalText()
    {
        var random = new Random(11);
        var buffer = new byte[NumberText.MaxUtf8Length];
        for (var i = 0; i < 200_000; i++)
        {
            var millionths = random.NextInt64(-999_999_999_999_999, 1_000_000_000_000_000) >> random.Next(50);
            var expected = (millionths / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture);
            Assert.Equal(expected, Encoding.ASCII.GetString(buffer, 0, NumberText.WriteMillionths(millionths, buffer)));
        }
    }
}

using System.Buffers.Binary;
using System.Text;

namespace MuScore.Ingest.Tests.Writing;

/// <summary>The UTF-8 formats give exactly the string formats' text, over values of every size.</summary>
public class NumberTextUtf8Tests
{
    [Theory]
    [InlineData(85.12345)]
    [InlineData(85.1234567)]
    [InlineData(0.5)]
    [InlineData(120.0)]
    [InlineData(-0.0000001)]
    [InlineData(-0.0)]
    [InlineData(0.0000005)]
    [InlineData(0.0000015)]
    [InlineData(-3.25)]
    [InlineData(12345678.9)]
    [InlineData(999999999.9999995)]
    [InlineData(999999999.999999)]
    [InlineData(1e9)]
    [InlineData(-1234567890.1234567)]
    [InlineData(1e300)]
    [InlineData(double.MaxValue)]
    [InlineData(double.MinValue)]
    [InlineData(double.Epsilon)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void FormatUtf8_Double_IsTheStringFormatsText(double value)
    {
        Assert.Equal(NumberText.Format(value), Utf8(value));
    }

    [Fact]
    public void FormatUtf8_RandomDoublesOfEveryScale_AreTheStringFormatsText()
    {
        var random = new Random(20261207);
        for (var i = 0; i < 400_000; i++)
        {
            // Magnitudes from 1e-9 to 1e12, both signs, and values on the 6th decimal's halfway points.
            var magnitude = Math.Pow(10, (random.NextDouble() * 21) - 9);
            var value = random.Next(2) == 0 ? magnitude : -magnitude;
            if (i % 4 == 0)
            {
                value = (Math.Round(value * 1e6) + 0.5) / 1e6;
            }

            Assert.Equal(NumberText.Format(value), Utf8(value));
        }
    }

    [Fact]
    public void FormatUtf8_RandomBitPatterns_AreTheStringFormatsText()
    {
        var random = new Random(7);
        Span<byte> bits = stackalloc byte[8];
        for (var i = 0; i < 100_000; i++)
        {
            random.NextBytes(bits);
            var value = BitConverter.ToDouble(bits);
            Assert.Equal(NumberText.Format(value), Utf8(value));
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("17.71")]
    [InlineData("10.12500")]
    [InlineData("-0.0000004")]
    [InlineData("0.0000025")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]

    // The fast paths' edges: negative zero, trailing zeros, one millionth, 63 and 64 bits, halves.
    [InlineData("-0.00")]
    [InlineData("120.000000")]
    [InlineData("0.000001")]
    [InlineData("-9223372036854.775807")]
    [InlineData("9223372036854.775808")]
    [InlineData("18446744073709551615")]
    [InlineData("18446744073709551616")]
    [InlineData("0.0000005")]
    [InlineData("0.0000015")]
    public void FormatUtf8_Decimal_IsTheStringFormatsText(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var buffer = new byte[NumberText.MaxUtf8Length];

        Assert.Equal(NumberText.Format(value), Encoding.UTF8.GetString(buffer, 0, NumberText.FormatUtf8(value, buffer)));
    }

    [Fact]
    public void FormatUtf8_RandomDecimalsOfEveryScale_AreTheStringFormatsText()
    {
        // Land areas are written from decimals: mantissas of 1 to 96 bits, both signs, scales 0 to 28.
        var random = new Random(7);
        var buffer = new byte[NumberText.MaxUtf8Length];
        var raw = new byte[16];
        for (var i = 0; i < 200_000; i++)
        {
            random.NextBytes(raw);
            var mantissa = BinaryPrimitives.ReadUInt128LittleEndian(raw) >> (128 - random.Next(1, 97));
            var value = new decimal(
                unchecked((int)(uint)mantissa), unchecked((int)(uint)(mantissa >> 32)), unchecked((int)(uint)(mantissa >> 64)), random.Next(2) == 0, (byte)random.Next(0, 29));
            Assert.Equal(NumberText.Format(value), Encoding.UTF8.GetString(buffer, 0, NumberText.FormatUtf8(value, buffer)));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void FormatUtf8_Int_IsTheStringFormatsText(int value)
    {
        var buffer = new byte[NumberText.MaxUtf8Length];

        Assert.Equal(NumberText.Format(value), Encoding.UTF8.GetString(buffer, 0, NumberText.FormatUtf8(value, buffer)));
    }

    private static string Utf8(double value)
    {
        var buffer = new byte[NumberText.MaxUtf8Length];
        return Encoding.UTF8.GetString(buffer, 0, NumberText.FormatUtf8(value, buffer));
    }
}

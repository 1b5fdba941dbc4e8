using MuScore.Ingest;

namespace MuScore.Cli.Tests.Output;

public sealed class NumberTextTests
{
    [Theory]
    [InlineData(85.12345, "85.12345")]
    [InlineData(85.1234567, "85.123457")]
    [InlineData(0.5, "0.5")]
    [InlineData(120.0, "120")]
    [InlineData(-0.0000001, "0")]
    [InlineData(-3.25, "-3.25")]
    [InlineData(12345678.9, "12345678.9")]
    [InlineData(0.0000025, "0.000002")]
    public void Format_Double_RoundsToSixDecimalsWithoutTrailingZeros(double value, string expected)
    {
        Assert.Equal(expected, NumberText.Format(value));
    }

    [Fact]
    public void Format_ExactDecimal_KeepsItsValueWithoutScaleZeros()
    {
        Assert.Equal("3", NumberText.Format(2.25m + 0.97m - 0.22m));
        Assert.Equal("0", NumberText.Format(0.1m + 0.2m - 0.3m));
        Assert.Equal("10.125", NumberText.Format(10.12500m));
    }

    [Fact]
    public void Format_Absent_IsEmpty()
    {
        Assert.Equal(string.Empty, NumberText.Format((double?)null));
        Assert.Equal(string.Empty, NumberText.Format((int?)null));
    }
}

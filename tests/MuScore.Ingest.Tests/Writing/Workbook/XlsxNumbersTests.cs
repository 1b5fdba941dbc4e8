namespace MuScore.Ingest.Tests.Writing.Workbook;

public class XlsxNumbersTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-7)]
    [InlineData(0.0000005)]
    [InlineData(0.0000015)]
    [InlineData(0.00001)]
    [InlineData(0.0001)]
    [InlineData(-0.0001)]
    [InlineData(0.1 + 0.2)]
    [InlineData(85.1234565)]
    [InlineData(72.554064)]
    [InlineData(100.0)]
    [InlineData(123456789.123456)]
    [InlineData(999999999.9999994)]
    [InlineData(1e9)]
    [InlineData(-1e15)]
    [InlineData(1e300)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Of_Double_ShowsWhatTheTextAndNumberCheckShow(double value) => AssertSame(value);

    [Fact]
    public void Of_ManyDoublesOfEveryScale_ShowWhatTheTextAndNumberCheckShow()
    {
        var random = new Random(2025);
        for (var i = 0; i < 200_000; i++)
        {
            var scale = Math.Pow(10, random.Next(-8, 12));
            var value = (random.NextDouble() - 0.3) * scale;
            AssertSame(value);
            AssertSame(Math.Round(value, random.Next(0, 8)));
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("17.71")]
    [InlineData("-0.0000004")]
    [InlineData("0.00005")]
    [InlineData("0.0001")]
    [InlineData("12.3456785")]
    [InlineData("999999999.999999")]
    [InlineData("1000000000")]
    [InlineData("79228162514264337593543950335")]
    public void Of_Decimal_ShowsWhatTheTextAndNumberCheckShow(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(Shown(XlsxNumbers.FromText(NumberText.Format(value))), Shown(XlsxNumbers.Of(value)));
    }

    [Fact]
    public void Of_SmallAndRoundedValues_AreNumbersWithTheShortestText()
    {
        Assert.Equal(new ShownCell("0.0001", true), Shown(XlsxNumbers.Of(0.0001)));
        Assert.Equal(new ShownCell("-12.5", true), Shown(XlsxNumbers.Of(-12.5)));
        Assert.Equal(new ShownCell("0.000001", false), Shown(XlsxNumbers.Of(0.000001)));
        Assert.Equal(XlsxCellKind.Millionths, XlsxNumbers.Of(72.554064).Kind);
    }

    private static void AssertSame(double value) =>
        Assert.Equal(Shown(XlsxNumbers.FromText(NumberText.Format(value))), Shown(XlsxNumbers.Of(value)));

    private static ShownCell? Shown(XlsxCell cell) => cell.Kind switch
    {
        XlsxCellKind.Empty => null,
        XlsxCellKind.Text or XlsxCellKind.SharedText => new ShownCell(cell.Text, false),
        _ => new ShownCell(XlsxNumbers.Format(cell), true),
    };
}

using MuScore.Core.Policies;
using MuScore.Core.Rating;
using static MuScore.Core.Tests.Policies.PolicyTestData;

namespace MuScore.Core.Tests.Policies;

public class TaxReliefTests
{
    private static TaxReliefQuote Quote(RatingClass? rating, DateOnly date, decimal? tax)
    {
        var code = Code(3);
        var fact = rating is { } c ? Rated(code, Linhai, 2023, c) : null;
        return PolicyEngine.QuoteTaxRelief(new TaxReliefQuery(code, Linhai, date, tax), Set(Parse(WaterAndRelief)), fact);
    }

    [Theory]
    [InlineData(RatingClass.A, "100", "1234.56", "1234.56")]
    [InlineData(RatingClass.B, "50", "0.05", "0.03")]
    [InlineData(RatingClass.B, "50", "1000", "500")]
    [InlineData(RatingClass.C, "0", "1000", "0")]
    public void QuoteTaxRelief_ConfiguredTable_PercentOfAssessedTax(RatingClass rating, string percent, string tax, string relief)
    {
        var quote = Quote(rating, new DateOnly(2024, 6, 1), decimal.Parse(tax, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), quote.ReliefPercent);
        Assert.Equal(decimal.Parse(relief, System.Globalization.CultureInfo.InvariantCulture), quote.ReliefAmount);
        Assert.Equal(rating == RatingClass.C ? QuoteStatus.NoneApplies : QuoteStatus.Applies, quote.Status);
    }

    [Theory]
    [InlineData("2024-12-31", QuoteStatus.Applies)]
    [InlineData("2025-01-01", QuoteStatus.NoPolicyInForce)]
    public void QuoteTaxRelief_EffectiveToIsExclusive_EndsOnThatDay(string date, QuoteStatus expected)
    {
        Assert.Equal(expected, Quote(RatingClass.A, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), null).Status);
    }

    [Fact]
    public void QuoteTaxRelief_NoRating_NoRatingInForce()
    {
        var quote = Quote(null, new DateOnly(2024, 6, 1), 100m);

        Assert.Equal(QuoteStatus.NoRatingInForce, quote.Status);
        Assert.Equal(0m, quote.ReliefAmount);
    }
}

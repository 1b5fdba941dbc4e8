using MuScore.Core.Policies;
using MuScore.Core.Rating;
using static MuScore.Core.Tests.Policies.PolicyTestData;

namespace MuScore.Core.Tests.Policies;

public class TariffQuoteTests
{
    private static readonly DateOnly Billing2024 = new(2024, 6, 1);

    private static TariffQuote Quote(string region, RatingClass? rating, int consecutiveD, DateOnly date, Utility utility = Utility.Electricity, decimal? quantity = null, PolicySet? set = null)
    {
        var code = Code(7, region);
        // Published a month before the billing date, so it is in force on it.
        var published = new DateTimeOffset(date.AddDays(-30).ToDateTime(TimeOnly.MinValue), RatingInForce.ChinaStandardTime);
        var fact = rating is { } c ? Rated(code, region, date.Year - 1, c, consecutiveD, publishedAt: published) : null;
        return PolicyEngine.QuoteTariff(new TariffQuery(code, region, utility, date, quantity), set ?? Presets, fact);
    }

    [Theory]
    [InlineData(1, "0.05")]
    [InlineData(2, "0.10")]
    [InlineData(3, "0.15")]
    [InlineData(4, "0.15")]
    public void QuoteTariff_ShandongConsecutiveDYears_StepsUpAndStaysAtThird(int years, string expected)
    {
        var quote = Quote(Jinan, RatingClass.D, years, Billing2024);

        Assert.Equal(QuoteStatus.Applies, quote.Status);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), quote.SurchargePerUnit);
        Assert.Equal("元/kWh", quote.Unit);
        Assert.Equal("shandong-2022", quote.Applied!.Policy.Id);
        Assert.Equal(years, quote.Rating!.ConsecutiveDYears);
        Assert.Equal("鲁发改价格〔2022〕56号 差别化电价 D类", quote.Applied.Citation);
        Assert.Equal(3, quote.Candidates.Count);
        Assert.Equal(Math.Min(years, 3), quote.Candidates.Count(c => c.Matches));
    }

    [Theory]
    [InlineData(1, "0.30")]
    [InlineData(2, "0.30")]
    [InlineData(3, "0.40")]
    [InlineData(5, "0.40")]
    public void QuoteTariff_HainingTwoVersusThreeYears_ThreeOrMoreGetsPointFour(int years, string expected)
    {
        var quote = Quote(Haining, RatingClass.D, years, new DateOnly(2025, 6, 1));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), quote.SurchargePerUnit);
        Assert.Equal("haining-2025", quote.Applied!.Policy.Id);
    }

    [Theory]
    [InlineData("2018-12-31", null)]
    [InlineData("2019-01-01", "0.10")]
    [InlineData("2019-12-31", "0.10")]
    [InlineData("2020-01-01", "0.20")]
    [InlineData("2020-12-31", "0.20")]
    [InlineData("2021-01-01", "0.30")]
    [InlineData("2030-07-01", "0.30")]
    public void QuoteTariff_SuzhouCalendarSchedule_FollowsBillingDate(string billing, string? expected)
    {
        var quote = Quote(Suzhou, RatingClass.D, 1, DateOnly.Parse(billing, System.Globalization.CultureInfo.InvariantCulture));

        if (expected is null)
        {
            Assert.Equal(QuoteStatus.NoPolicyInForce, quote.Status);
            Assert.Equal(0m, quote.SurchargePerUnit);
        }
        else
        {
            Assert.Equal(QuoteStatus.Applies, quote.Status);
            Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), quote.SurchargePerUnit);
        }
    }

    [Theory]
    [InlineData("2021-12-31", QuoteStatus.NoPolicyInForce)]
    [InlineData("2022-01-01", QuoteStatus.Applies)]
    public void QuoteTariff_ShandongEffectiveDateEitherSide_AppliesFromFirstDay(string billing, QuoteStatus expected)
    {
        Assert.Equal(expected, Quote(Jinan, RatingClass.D, 1, DateOnly.Parse(billing, System.Globalization.CultureInfo.InvariantCulture)).Status);
    }

    [Theory]
    [InlineData("2024-12-31", QuoteStatus.NoPolicyInForce)]
    [InlineData("2025-01-01", QuoteStatus.Applies)]
    public void QuoteTariff_HainingEffectiveDateEitherSide_AppliesFromFirstDay(string billing, QuoteStatus expected)
    {
        Assert.Equal(expected, Quote(Haining, RatingClass.D, 1, DateOnly.Parse(billing, System.Globalization.CultureInfo.InvariantCulture)).Status);
    }

    [Theory]
    [InlineData(1, "0.08", "test-jinan")]
    [InlineData(2, "0.10", "shandong-2022")]
    [InlineData(3, "0.15", "shandong-2022")]
    public void QuoteTariff_TwoPoliciesApply_OnlyTheHighestApplies(int years, string expected, string policy)
    {
        var set = Set([.. PolicyPresets.Names.Select(PolicyPresets.Get), Parse(JinanFlat)]);

        var quote = Quote(Jinan, RatingClass.D, years, Billing2024, set: set);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), quote.SurchargePerUnit);
        Assert.Equal(policy, quote.Applied!.Policy.Id);
        Assert.Equal(4, quote.Candidates.Count);
        Assert.Equal(["shandong-2022", "shandong-2022", "shandong-2022", "test-jinan"], quote.Candidates.Select(c => c.Policy.Id));
        Assert.Contains("do not stack", quote.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void QuoteTariff_QingdaoGasFirstDYear_OneYuanPerCubicMetre()
    {
        var quote = Quote(Qingdao, RatingClass.D, 1, Billing2024, Utility.Gas, quantity: 1234.5m);

        Assert.Equal(1m, quote.SurchargePerUnit);
        Assert.Equal("元/m³", quote.Unit);
        Assert.Equal(1234.50m, quote.Amount);
        Assert.Equal("qingdao", quote.Applied!.Policy.Id);
    }

    [Fact]
    public void QuoteTariff_QingdaoElectricity_ProvincialShandongTableApplies()
    {
        Assert.Equal("shandong-2022", Quote(Qingdao, RatingClass.D, 2, Billing2024).Applied!.Policy.Id);
    }

    [Fact]
    public void QuoteTariff_NoRatingInForce_ClearAnswerWithNothingCharged()
    {
        var quote = Quote(Jinan, null, 0, Billing2024, quantity: 1000m);

        Assert.Equal(QuoteStatus.NoRatingInForce, quote.Status);
        Assert.Null(quote.Rating);
        Assert.Null(quote.Applied);
        Assert.Equal(0m, quote.SurchargePerUnit);
        Assert.Equal(0m, quote.Amount);
        Assert.All(quote.Candidates, c => Assert.False(c.Matches));
        Assert.Contains("No published rating", quote.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RatingClass.A)]
    [InlineData(RatingClass.B)]
    [InlineData(RatingClass.C)]
    public void QuoteTariff_ClassNotD_NoneApplies(RatingClass rating)
    {
        var quote = Quote(Jinan, rating, 0, Billing2024, quantity: 500m);

        Assert.Equal(QuoteStatus.NoneApplies, quote.Status);
        Assert.Equal(0m, quote.SurchargePerUnit);
        Assert.Equal(0m, quote.Amount);
        Assert.Equal(rating, quote.Rating!.Class);
    }

    [Fact]
    public void QuoteTariff_RegionWithoutPolicy_NoPolicyInForce()
    {
        Assert.Equal(QuoteStatus.NoPolicyInForce, Quote("110101", RatingClass.D, 3, Billing2024).Status);
    }

    [Theory]
    [InlineData("12345.67", "617.28")]
    [InlineData("12345.7", "617.29")]
    [InlineData("0", "0")]
    public void QuoteTariff_Quantity_AmountRoundedToFenHalfAwayFromZero(string quantity, string expected)
    {
        var quote = Quote(Jinan, RatingClass.D, 1, Billing2024, quantity: decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), quote.Amount);
    }

    [Fact]
    public void QuoteTariff_Answer_NamesTheRatingAndPolicyHash()
    {
        var quote = Quote(Jinan, RatingClass.D, 2, Billing2024);

        Assert.Equal("run-2023-1", quote.Rating!.RunId);
        Assert.Equal(2023, quote.Rating.Year);
        Assert.Equal(1, quote.Rating.Version);
        Assert.Equal(PolicyJson.Hash(PolicyPresets.Get("shandong-2022")), quote.Applied!.Policy.Hash);
        Assert.Equal("1", quote.Applied.Policy.Version);
        Assert.Contains("run run-2023-1, year 2023, version 1", quote.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RatingClass.C, 0, "0.5")]
    [InlineData(RatingClass.D, 1, "1.5")]
    [InlineData(RatingClass.D, 2, "2")]
    [InlineData(RatingClass.B, 0, "0")]
    public void QuoteTariff_ConfiguredWaterTable_HighestMatchingRow(RatingClass rating, int years, string expected)
    {
        var quote = Quote(Linhai, rating, years, Billing2024, Utility.Water, set: Set(Parse(WaterAndRelief)));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), quote.SurchargePerUnit);
        Assert.Equal("元/m³", quote.Unit);
    }

    [Fact]
    public void QuoteTariff_InvalidQuery_IsRefused()
    {
        var query = new TariffQuery("91331082MA2ABCDEI0", "33108", Utility.Electricity, Billing2024, -1m);

        var problems = query.Validate();

        Assert.Equal(["credit_code", "region", "quantity"], problems.Select(p => p.Field));
        Assert.Throws<ArgumentException>(() => PolicyEngine.QuoteTariff(query, Presets, null));
    }

    [Fact]
    public void QuoteTariff_RatingPublishedAfterBillingDate_IsRefused()
    {
        var code = Code(1, Jinan);
        var late = Rated(code, Jinan, 2023, RatingClass.D, 1, publishedAt: new DateTimeOffset(2024, 6, 2, 0, 0, 0, RatingInForce.ChinaStandardTime));

        Assert.Throws<ArgumentException>(() => PolicyEngine.QuoteTariff(new TariffQuery(code, Jinan, Utility.Electricity, Billing2024), Presets, late));
    }

    [Fact]
    public void QuoteTariffs_Batch_AnswersInInputOrder()
    {
        var items = Enumerable.Range(1, 4).Select(i => (new TariffQuery(Code(i, Jinan), Jinan, Utility.Electricity, Billing2024, 100m),
            i % 2 == 0 ? Rated(Code(i, Jinan), Jinan, 2023, RatingClass.D, i) : (RatingFact?)null)).ToList();

        var quotes = PolicyEngine.QuoteTariffs(items, Presets);

        Assert.Equal(items.Select(i => i.Item1.CreditCode), quotes.Select(q => q.Query.CreditCode));
        Assert.Equal([0m, 10m, 0m, 15m], quotes.Select(q => q.Amount!.Value));
    }
}

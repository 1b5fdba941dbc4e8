using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Policies;

public sealed class QuoteTariffTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private PolicyService.PolicyServiceClient Client => new(fixture.Server.Channel);

    [Fact]
    public async Task QuoteTariff_VetoedDThreeYearsRunning_ChargesThirdYearSurchargeAndNamesTheRating()
    {
        var (region, vetoed, _, last) = await PublishThreeYearsAsync();
        var billing = PolicyRuns.ChinaToday().AddDays(1);

        var quote = await Client.QuoteTariffAsync(Query(vetoed, region, billing, quantity: "12345.6"));

        Assert.Equal(QuoteStatus.Quoted, quote.Status);
        Assert.Equal(RatingClass.D, quote.RatingClass);
        Assert.Equal(3, quote.ConsecutiveDYears);
        Assert.Equal("0.15", quote.SurchargePerUnit);
        Assert.Equal("1851.84", quote.Amount);
        Assert.Equal("元/kWh", quote.Unit);
        Assert.Equal("shandong-2022", quote.Policy.Id);
        Assert.Equal(64, quote.Policy.Hash.Length);
        Assert.Equal("差别化电价 D类", quote.Clause);
        Assert.Equal(3, quote.Candidates.Count);
        Assert.Equal(3, quote.Candidates.Count(c => c.Matches));
        Assert.Equal(last.RunId, quote.Rating.RunId);
        Assert.Equal(billing.Year - 1, quote.Rating.Year);
        Assert.Equal(1, quote.Rating.Version);
    }

    [Fact]
    public async Task QuoteTariff_ClassA_NoSurcharge()
    {
        var (region, _, a, _) = await PublishThreeYearsAsync();

        var quote = await Client.QuoteTariffAsync(Query(a, region, PolicyRuns.ChinaToday().AddDays(1), quantity: "1000"));

        Assert.Equal(QuoteStatus.NoneApplies, quote.Status);
        Assert.Equal(RatingClass.A, quote.RatingClass);
        Assert.Equal("0", quote.SurchargePerUnit);
        Assert.Equal("0", quote.Amount);
        Assert.All(quote.Candidates, c => Assert.False(c.Matches));
    }

    [Fact]
    public async Task QuoteTariff_EnterpriseNeverRated_NoRatingInForce()
    {
        var (region, _, _, _) = await PublishThreeYearsAsync();

        var quote = await Client.QuoteTariffAsync(Query(Records.Code(999, region), region, PolicyRuns.ChinaToday().AddDays(1), quantity: "1000"));

        Assert.Equal(QuoteStatus.NoRatingInForce, quote.Status);
        Assert.Equal("0", quote.SurchargePerUnit);
        Assert.Null(quote.Rating);
        Assert.Equal(3, quote.Candidates.Count);
    }

    [Fact]
    public async Task QuoteTariff_BillingDateBeforeEveryPublication_NoRatingInForce()
    {
        var (region, vetoed, _, _) = await PublishThreeYearsAsync();

        var quote = await Client.QuoteTariffAsync(Query(vetoed, region, PolicyRuns.ChinaToday().AddDays(-1)));

        Assert.Equal(QuoteStatus.NoRatingInForce, quote.Status);
        Assert.Null(quote.Rating);
    }

    [Fact]
    public async Task QuoteTariff_RegionWithoutElectricityPolicy_NoPolicyInForce()
    {
        var quote = await Client.QuoteTariffAsync(Query(Records.Code(1, "110101"), "110101", PolicyRuns.ChinaToday()));

        Assert.Equal(QuoteStatus.NoPolicyInForce, quote.Status);
        Assert.Empty(quote.Candidates);
    }

    [Fact]
    public async Task QuoteTariffs_SeveralCodes_AnswersEachInRequestOrder()
    {
        var (region, vetoed, a, _) = await PublishThreeYearsAsync();
        var billing = PolicyRuns.ChinaToday().AddDays(1);
        var unknown = Records.Code(999, region);

        var response = await Client.QuoteTariffsAsync(new QuoteTariffsRequest
        {
            Items = { Query(a, region, billing), Query(unknown, region, billing), Query(vetoed, region, billing, quantity: "100") },
        });

        Assert.Equal([a, unknown, vetoed], response.Quotes.Select(q => q.CreditCode));
        Assert.Equal([QuoteStatus.NoneApplies, QuoteStatus.NoRatingInForce, QuoteStatus.Quoted], response.Quotes.Select(q => q.Status));
        Assert.Equal("15", response.Quotes[2].Amount);
    }

    internal static QuoteTariffRequest Query(string code, string region, DateOnly billing, string? quantity = null)
    {
        var request = new QuoteTariffRequest { CreditCode = code, Region = region, Utility = Utility.Electricity, BillingDate = PolicyRuns.Text(billing) };
        if (quantity is not null)
        {
            request.Quantity = quantity;
        }

        return request;
    }

    /// <summary>A vetoed enterprise published in three consecutive years ending the year before tomorrow's; returns it and an A of the last year.</summary>
    private async Task<(string Region, string Vetoed, string A, Run Last)> PublishThreeYearsAsync()
    {
        var region = PolicyRuns.NextShandong();
        var vetoed = Records.Enterprise(1, region, tax: 500m);
        vetoed.FailsStandards = "是";
        var lastYear = PolicyRuns.ChinaToday().AddDays(1).Year - 1;
        Run? last = null;
        foreach (var year in new[] { lastYear - 2, lastYear - 1, lastYear })
        {
            var records = Records.Sample(region, year, count: 40);
            records.Add(vetoed);
            (last, _) = await Runs.PublishAsync(fixture.Server.Evaluation, Runs.Header(region, year), records);
        }

        var a = await PolicyRuns.FirstOfClassAsync(fixture.Server, region, lastYear, RatingClass.A);
        return (region, vetoed.CreditCode, a, last!);
    }
}

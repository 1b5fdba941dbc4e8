using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Policies;

/// <summary>QuoteTaxRelief and a configured water table, answered from a county's own policy file.</summary>
public sealed class TaxReliefTests(ConfiguredPolicyFixture fixture) : IClassFixture<ConfiguredPolicyFixture>
{
    private const string Region = ConfiguredPolicyFixture.Region;
    private static readonly DateTimeOffset PublishedAt = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly SemaphoreSlim Published = new(1, 1);
    private static Run? run;

    private PolicyService.PolicyServiceClient Client => new(fixture.Server.Channel);

    [Theory]
    [InlineData(RatingClass.A, "100", "12345.67")]
    [InlineData(RatingClass.B, "50", "6172.84")]
    public async Task QuoteTaxRelief_ClassInTable_PercentOfAssessedTaxRoundedToFen(RatingClass ratingClass, string percent, string amount)
    {
        var published = await PublishAsync();
        var code = await PolicyRuns.FirstOfClassAsync(fixture.Server, Region, 2024, ratingClass);

        var quote = await Client.QuoteTaxReliefAsync(Query(code, "2025-06-30", "12345.67"));

        Assert.Equal(QuoteStatus.Quoted, quote.Status);
        Assert.Equal(ratingClass, quote.RatingClass);
        Assert.Equal(percent, quote.ReliefPercent);
        Assert.Equal(amount, quote.ReliefAmount);
        Assert.Equal("test-county-2024", quote.Policy.Id);
        Assert.Equal("城镇土地使用税减免", quote.Clause);
        Assert.Equal(2, quote.Candidates.Count);
        Assert.Equal(published.RunId, quote.Rating.RunId);
        Assert.Equal(2024, quote.Rating.Year);
    }

    [Fact]
    public async Task QuoteTaxRelief_ClassD_NoneAppliesNothingRelieved()
    {
        await PublishAsync();
        var code = await PolicyRuns.FirstOfClassAsync(fixture.Server, Region, 2024, RatingClass.D);

        var quote = await Client.QuoteTaxReliefAsync(Query(code, "2025-06-30", "1000"));

        Assert.Equal(QuoteStatus.NoneApplies, quote.Status);
        Assert.Equal("0", quote.ReliefPercent);
        Assert.Equal("0", quote.ReliefAmount);
        Assert.All(quote.Candidates, c => Assert.False(c.Matches));
    }

    [Theory]
    [InlineData("2024-12-31")]
    [InlineData("2026-01-01")]
    public async Task QuoteTaxRelief_DateOutsideTheTable_NoPolicyInForce(string date)
    {
        await PublishAsync();
        var code = await PolicyRuns.FirstOfClassAsync(fixture.Server, Region, 2024, RatingClass.A);

        var quote = await Client.QuoteTaxReliefAsync(Query(code, date, "1000"));

        Assert.Equal(QuoteStatus.NoPolicyInForce, quote.Status);
        Assert.False(quote.HasReliefAmount && quote.ReliefAmount != "0");
    }

    [Fact]
    public async Task QuoteTaxRelief_BeforeThePublication_NoRatingInForce()
    {
        await PublishAsync();
        var code = await PolicyRuns.FirstOfClassAsync(fixture.Server, Region, 2024, RatingClass.A);

        var quote = await Client.QuoteTaxReliefAsync(Query(code, "2025-02-28", null));

        Assert.Equal(QuoteStatus.NoRatingInForce, quote.Status);
        Assert.Null(quote.Rating);
        Assert.False(quote.HasReliefAmount);
    }

    [Fact]
    public async Task QuoteTariff_WaterFromConfiguredFile_ClassDSurcharge()
    {
        await PublishAsync();
        var code = await PolicyRuns.FirstOfClassAsync(fixture.Server, Region, 2024, RatingClass.D);

        var quote = await Client.QuoteTariffAsync(new QuoteTariffRequest
        {
            CreditCode = code,
            Region = Region,
            Utility = Utility.Water,
            BillingDate = "2025-06-30",
            Quantity = "100",
        });

        Assert.Equal(QuoteStatus.Quoted, quote.Status);
        Assert.Equal("1.5", quote.SurchargePerUnit);
        Assert.Equal("150", quote.Amount);
        Assert.Equal("元/m³", quote.Unit);
        Assert.Equal("test-county-2024", quote.Policy.Id);
    }

    [Fact]
    public async Task QuoteTaxRelief_BadFields_InvalidArgumentNamingEach()
    {
        var violations = await RpcAssert.InvalidArgument(() => Client.QuoteTaxReliefAsync(new QuoteTaxReliefRequest
        {
            CreditCode = "not a code",
            Region = Region,
            Date = "2025-13-01",
            AssessedTaxYuan = "-1",
        }).ResponseAsync);

        RpcAssert.HasViolation(violations, "date", "format");
        RpcAssert.HasViolation(violations, "credit_code", "invalid_value");
        RpcAssert.HasViolation(violations, "assessed_tax_yuan", "invalid_value");
    }

    private static QuoteTaxReliefRequest Query(string code, string date, string? assessed)
    {
        var request = new QuoteTaxReliefRequest { CreditCode = code, Region = Region, Date = date };
        if (assessed is not null)
        {
            request.AssessedTaxYuan = assessed;
        }

        return request;
    }

    /// <summary>The county's 2024 evaluation, published once on 2025-03-01 (China time) for the whole class.</summary>
    private async Task<Run> PublishAsync()
    {
        await Published.WaitAsync();
        try
        {
            return run ??= await PolicyRuns.PublishOnAsync(fixture.Server, Region, 2024, Records.Sample(Region, 2024), PublishedAt);
        }
        finally
        {
            Published.Release();
        }
    }
}

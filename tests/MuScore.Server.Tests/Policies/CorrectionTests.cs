using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Policies;

/// <summary>
/// A year corrected after its first publication: a bill or decision dated before the correction
/// uses the version in force on its date, and names it; from the correction's day on, the new one.
/// </summary>
public sealed class CorrectionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const int Year = 2024;
    private static readonly DateTimeOffset FirstPublished = new(2025, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset CorrectedAt = new(2025, 6, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private PolicyService.PolicyServiceClient Client => new(fixture.Server.Channel);

    [Theory]
    [InlineData("2025-03-01", RatingClass.D, 1, "0.05")]
    [InlineData("2025-05-31", RatingClass.D, 1, "0.05")]
    [InlineData("2025-06-01", RatingClass.A, 2, "0")]
    [InlineData("2025-12-31", RatingClass.A, 2, "0")]
    public async Task QuoteTariff_DateBeforeOrAfterACorrection_UsesTheVersionInForceThen(string billing, RatingClass expected, int version, string surcharge)
    {
        var (region, code) = await PublishCorrectedAsync();

        var quote = await Client.QuoteTariffAsync(new QuoteTariffRequest { CreditCode = code, Region = region, Utility = Utility.Electricity, BillingDate = billing });

        Assert.Equal(expected, quote.RatingClass);
        Assert.Equal(version, quote.Rating.Version);
        Assert.Equal(Year, quote.Rating.Year);
        Assert.Equal(surcharge, quote.SurchargePerUnit);
    }

    [Fact]
    public async Task QuoteTariffs_BillingRunAcrossTheCorrection_EachDateGetsItsVersion()
    {
        var (region, code) = await PublishCorrectedAsync();
        var other = Records.Code(2, region);
        var request = new QuoteTariffsRequest();
        foreach (var (who, date) in new[] { (code, "2025-05-31"), (code, "2025-06-01"), (other, "2025-05-31"), (code, "2025-02-28") })
        {
            request.Items.Add(new QuoteTariffRequest { CreditCode = who, Region = region, Utility = Utility.Electricity, BillingDate = date });
        }

        var quotes = (await Client.QuoteTariffsAsync(request)).Quotes;

        Assert.Equal((RatingClass.D, 1), (quotes[0].RatingClass, quotes[0].Rating.Version));
        Assert.Equal((RatingClass.A, 2), (quotes[1].RatingClass, quotes[1].Rating.Version));
        Assert.Equal(1, quotes[2].Rating.Version);
        Assert.Equal(QuoteStatus.NoRatingInForce, quotes[3].Status);
    }

    /// <summary>A Shandong region's 2024 run, published 2025-03-01 with enterprise 1 vetoed (D), corrected 2025-06-01 (A).</summary>
    private async Task<(string Region, string Code)> PublishCorrectedAsync()
    {
        var region = PolicyRuns.NextShandong();
        var records = Records.Sample(region, Year, count: 40);
        records.Add(Records.Enterprise(1, region, tax: 500m));
        records.Add(Records.Enterprise(2, region, tax: 500m));
        records[^2].FailsStandards = "是";
        await PolicyRuns.PublishOnAsync(fixture.Server, region, Year, records, FirstPublished);

        var corrected = records.ConvertAll(record => record.Clone());
        corrected[^2].FailsStandards = string.Empty;
        corrected[^2].InConstruction = "是";
        corrected[^2].FixedAssetInvestment = "12000";
        await PolicyRuns.PublishOnAsync(fixture.Server, region, Year, corrected, CorrectedAt);
        return (region, records[^2].CreditCode);
    }
}

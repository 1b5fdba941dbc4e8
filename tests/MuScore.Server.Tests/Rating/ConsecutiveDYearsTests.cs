using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;
using ProtoClass = MuScore.Contracts.V1.RatingClass;

namespace MuScore.Server.Tests.Rating;

public sealed class ConsecutiveDYearsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task GetRating_VetoedThreePublishedYears_CountsOneTwoThree()
    {
        var region = Regions.Next();
        var vetoed = Records.Enterprise(1, region, tax: 500m);
        vetoed.FailsStandards = "是";
        var healthy = Records.Enterprise(2, region, tax: 500m);
        foreach (var year in new[] { 2022, 2023, 2024 })
        {
            var records = Records.Sample(region, year, count: 40);
            records.Add(vetoed);
            records.Add(healthy);
            await Runs.PublishAsync(fixture.Server.Evaluation, Runs.Header(region, year), records);
        }

        var counts = new List<int>();
        foreach (var year in new[] { 2022, 2023, 2024 })
        {
            var rating = (await fixture.Server.Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = vetoed.CreditCode, Region = region, Year = year })).Rating;
            Assert.Equal(ProtoClass.D, rating.RatingClass);
            counts.Add(rating.ConsecutiveDYears);
        }

        var notD = (await fixture.Server.Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = healthy.CreditCode, Region = region, Year = 2024 })).Rating;
        Assert.Equal([1, 2, 3], counts);
        Assert.NotEqual(ProtoClass.D, notD.RatingClass);
        Assert.Equal(0, notD.ConsecutiveDYears);
    }

    [Fact]
    public async Task GetRating_DraftOfAnEarlierYearNeverPublished_BreaksTheChain()
    {
        var region = Regions.Next();
        var vetoed = Records.Enterprise(1, region);
        vetoed.FailsStandards = "是";
        await Runs.PublishAsync(fixture.Server.Evaluation, Runs.Header(region, 2022), [.. Records.Sample(region, 2022, count: 20), vetoed]);
        await Runs.SubmitAsync(fixture.Server.Evaluation, Runs.Header(region, 2023), [.. Records.Sample(region, 2023, count: 20), vetoed]);
        await Runs.PublishAsync(fixture.Server.Evaluation, Runs.Header(region, 2024), [.. Records.Sample(region, 2024, count: 20), vetoed]);

        var rating = (await fixture.Server.Ratings.GetRatingAsync(new GetRatingRequest { CreditCode = vetoed.CreditCode, Region = region, Year = 2024 })).Rating;

        Assert.Equal(1, rating.ConsecutiveDYears);
    }
}

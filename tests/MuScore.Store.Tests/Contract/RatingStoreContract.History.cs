using MuScore.Core.History;
using MuScore.Core.Rating;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Contract;

public abstract partial class RatingStoreContract
{
    [Fact]
    public async Task LoadHistory_ThreeEarlierYears_UsesTheNewestPublicationOfEachYear()
    {
        var d = TestRuns.Rated(1, "ABOVE", 9, RatingClass.D);
        var c = TestRuns.Rated(1, "ABOVE", 5, RatingClass.C);
        await PublishAsync(TestRuns.Draft("2021", [With(d, 2021)], year: 2021));
        await PublishAsync(TestRuns.Draft("2022a", [With(c, 2022)], year: 2022));
        await PublishAsync(TestRuns.Draft("2022b", [With(d, 2022)], year: 2022, createdAt: TestRuns.Created.AddHours(1)));
        await PublishAsync(TestRuns.Draft("2023", [With(d, 2023), TestRuns.Excluded(2, year: 2023)], year: 2023));
        await PublishAsync(TestRuns.Draft("2024", [With(c, 2024)], year: 2024));

        var history = await Store.LoadHistoryAsync(TestRuns.Region, 2024, None);

        Assert.Equal(4, history.Count);
        Assert.Equal(new HistoryEntry(RowStatus.Rated, RatingClass.D), history.Find(TestRuns.Region, d.CreditCode, 2022));
        Assert.Equal(new HistoryEntry(RowStatus.Excluded, null), history.Find(TestRuns.Region, TestRuns.Code(2), 2023));
        Assert.Null(history.Find(TestRuns.Region, d.CreditCode, 2024));
        Assert.Equal(4, RatingHistory.ConsecutiveDYears(history, TestRuns.Region, d.CreditCode, 2024, RatingClass.D));
    }

    [Fact]
    public async Task LoadHistory_OtherRegionAndUnpublishedDrafts_AreNotHistory()
    {
        var d = TestRuns.Rated(1, "ABOVE", 9, RatingClass.D);
        await PublishAsync(TestRuns.Draft("other", [With(d, 2023, "330100")], year: 2023, region: "330100"));
        await Store.SaveDraftAsync(TestRuns.Draft("draft", [With(d, 2022)], year: 2022), None);

        var history = await Store.LoadHistoryAsync(TestRuns.Region, 2024, None);

        Assert.Equal(0, history.Count);
        Assert.Equal(1, RatingHistory.ConsecutiveDYears(history, TestRuns.Region, d.CreditCode, 2024, RatingClass.D));
    }

    private static StoredRating With(StoredRating rating, int year, string region = TestRuns.Region) =>
        rating with { Year = year, Region = region };
}

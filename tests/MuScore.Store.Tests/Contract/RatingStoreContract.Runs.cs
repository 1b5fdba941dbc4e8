using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Contract;

public abstract partial class RatingStoreContract
{
    [Fact]
    public async Task SaveDraft_NewRun_ReturnsCountsAndGetRunReturnsTheSameRun()
    {
        var draft = TestRuns.Draft("a", TestRuns.Mixed(40));

        var saved = await Store.SaveDraftAsync(draft, None);
        var read = await Store.GetRunAsync(draft.RunId, None);

        Assert.Equal((36, 4, 2, 42), (saved.RatedCount, saved.ExcludedCount, saved.RejectedCount, saved.RecordCount));
        Assert.NotNull(read);
        Assert.Equal(Scalars(saved), Scalars(read));
        Assert.Equal(draft.Pools, read.Pools);
        Assert.Equal(draft.CreatedAt, read.CreatedAt);
        Assert.Equal(2, read.Rejected.Count);
        Assert.Equal((7, "BAD"), (read.Rejected[0].RecordNumber, read.Rejected[0].CreditCode));
        Assert.Equal(draft.Rejected[0].Violations, read.Rejected[0].Violations);
        Assert.Null(read.Rejected[1].CreditCode);
        Assert.Equal(draft.Rejected[1].Violations, read.Rejected[1].Violations);
        Assert.Empty(read.Publications);
    }

    [Fact]
    public async Task SaveDraft_SameRunIdAgain_ReturnsTheStoredRunUnchanged()
    {
        var first = TestRuns.Draft("a", TestRuns.Mixed(20));
        await Store.SaveDraftAsync(first, None);
        var again = first with { CreatedAt = first.CreatedAt.AddHours(5), Ratings = TestRuns.Mixed(3) };

        var result = await Store.SaveDraftAsync(again, None);
        var publication = await PublishAsync(first);

        Assert.Equal(first.CreatedAt, result.CreatedAt);
        Assert.Equal(18, result.RatedCount);
        Assert.Equal(20, (await ListAsync(publication, NoFilter)).Count);
    }

    [Fact]
    public async Task SaveDraft_InvalidStatusRow_ThrowsNamingTheCodeAndStoresNothing()
    {
        var bad = TestRuns.Excluded(5) with { Status = MuScore.Core.Rating.RowStatus.Invalid };
        var draft = TestRuns.Draft("a", [.. TestRuns.Mixed(3), bad]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveDraftAsync(draft, None));

        Assert.Contains(bad.CreditCode, error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetRunAsync(draft.RunId, None));
    }

    [Fact]
    public async Task SaveDraft_RatedRowWithoutItsRating_ThrowsNamingTheCodeAndStoresNothing()
    {
        // Among good ratings: the save checks each row as it inserts it, and rolls back.
        var bad = TestRuns.Rated(5, "ABOVE", 1, MuScore.Core.Rating.RatingClass.A) with { Rating = null };
        var draft = TestRuns.Draft("a", [.. TestRuns.Mixed(3), bad, .. TestRuns.Mixed(3, firstSerial: 10)]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveDraftAsync(draft, None));

        Assert.Contains(bad.CreditCode, error.Message, StringComparison.Ordinal);
        Assert.Contains("needs its Rating", error.Message, StringComparison.Ordinal);
        Assert.Null(await Store.GetRunAsync(draft.RunId, None));
    }

    [Fact]
    public async Task GetRun_UnknownId_ReturnsNull() =>
        Assert.Null(await Store.GetRunAsync("0000", None));

    [Fact]
    public async Task GetRunHeader_PublishedRun_ReturnsTheRunWithoutRejectedOrPublications()
    {
        var draft = TestRuns.Draft("a", TestRuns.Mixed(40));
        var saved = await Store.SaveDraftAsync(draft, None);
        await PublishAsync(draft);

        var header = await Store.GetRunHeaderAsync(draft.RunId, None);

        Assert.NotNull(header);
        Assert.Equal(Scalars(saved), Scalars(header));
        Assert.Equal(draft.SubmittedBy, header.SubmittedBy);
        Assert.Equal(2, header.RejectedCount);
        Assert.Empty(header.Rejected);
        Assert.Empty(header.Publications);
        Assert.Null(await Store.GetRunHeaderAsync("0000", None));
    }

    [Fact]
    public async Task ListRuns_SeveralPages_NewestFirstEachRunOnceWithoutRejected()
    {
        var drafts = Enumerable.Range(0, 5)
            .Select(i => TestRuns.Draft($"r{i}", TestRuns.Mixed(3), createdAt: TestRuns.Created.AddMinutes(i % 3)))
            .ToArray();
        foreach (var draft in drafts)
        {
            await Store.SaveDraftAsync(draft, None);
        }

        await Store.PublishAsync(Request(drafts[0].RunId), None);

        var listed = new List<RunInfo>();
        var pages = 0;
        string? token = null;
        do
        {
            var page = await Store.ListRunsAsync(new RunQuery(null, null, 2, token), None);
            listed.AddRange(page.Runs);
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        var expected = drafts.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.RunId, StringComparer.Ordinal).Select(d => d.RunId);
        Assert.Equal(3, pages);
        Assert.Equal(expected, listed.Select(r => r.RunId));
        Assert.All(listed, r => Assert.Empty(r.Rejected));
        Assert.Single(listed.Single(r => r.RunId == drafts[0].RunId).Publications);
    }

    [Fact]
    public async Task ListRuns_RegionAndYearFilters_ReturnOnlyMatchingRuns()
    {
        await Store.SaveDraftAsync(TestRuns.Draft("a", TestRuns.Mixed(2)), None);
        await Store.SaveDraftAsync(TestRuns.Draft("b", TestRuns.Mixed(2, year: 2023), year: 2023), None);
        await Store.SaveDraftAsync(TestRuns.Draft("c", TestRuns.Mixed(2, region: "330100"), region: "330100"), None);

        var byRegion = await Store.ListRunsAsync(new RunQuery(TestRuns.Region, null, 10, null), None);
        var byYear = await Store.ListRunsAsync(new RunQuery(TestRuns.Region, 2023, 10, null), None);

        Assert.Equal(2, byRegion.Runs.Count);
        Assert.Null(byRegion.NextPageToken);
        Assert.Equal(2023, Assert.Single(byYear.Runs).Year);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task ListRuns_PageSizeOutOfRange_Throws(int pageSize) =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListRunsAsync(new RunQuery(null, null, pageSize, null), None));

    [Fact]
    public async Task ListRuns_ForeignPageToken_ThrowsArgumentException() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListRunsAsync(new RunQuery(null, null, 10, "not-a-token!"), None));

    private static object Scalars(RunInfo r) =>
        (r.RunId, r.Region, r.Year, r.SchemeId, r.SchemeVersion, r.SchemeHash, r.InputHash, r.CreatedAt, r.RecordCount, r.RatedCount, r.ExcludedCount, r.RejectedCount);
}

using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Contract;

/// <summary>ListRuns restricted to the regions a caller may see.</summary>
public abstract partial class RatingStoreContract
{
    private static readonly string[] PrefixRegions = ["331082", "331002", "330100", "331003", "110101", "331004"];

    [Fact]
    public async Task ListRuns_RegionPrefixes_PagesThroughOnlyMatchingRunsNewestFirst()
    {
        var drafts = await SaveOnePerRegionAsync();

        var listed = await ListAllRunsAsync(["3310", "1101"], pageSize: 2);

        var expected = drafts.Where(d => d.Region.StartsWith("3310", StringComparison.Ordinal) || d.Region.StartsWith("1101", StringComparison.Ordinal))
            .OrderByDescending(d => d.CreatedAt).Select(d => d.RunId);
        Assert.Equal(expected, listed.Select(r => r.RunId));
        Assert.Equal(5, listed.Count);
    }

    [Fact]
    public async Task ListRuns_StarOrNullPrefixes_EveryRunAndEmptyList_None()
    {
        await SaveOnePerRegionAsync();

        Assert.Equal(PrefixRegions.Length, (await ListAllRunsAsync(["*"], pageSize: 4)).Count);
        Assert.Equal(PrefixRegions.Length, (await ListAllRunsAsync(null, pageSize: 4)).Count);
        Assert.Equal(PrefixRegions.Length, (await ListAllRunsAsync(["3301", "*"], pageSize: 4)).Count);
        Assert.Empty(await ListAllRunsAsync([], pageSize: 4));
    }

    [Fact]
    public async Task ListRuns_PrefixesWithRegionFilterAndWildcardCharacters_MatchLiterally()
    {
        await SaveOnePerRegionAsync();

        Assert.Equal("331082", Assert.Single((await Store.ListRunsAsync(new RunQuery("331082", null, 10, null, ["33"]), None)).Runs).Region);
        Assert.Empty((await Store.ListRunsAsync(new RunQuery("331082", null, 10, null, ["11"]), None)).Runs);
        Assert.Empty(await ListAllRunsAsync(["33%"], pageSize: 4));
        Assert.Empty(await ListAllRunsAsync(["3310_"], pageSize: 4));
        Assert.Empty(await ListAllRunsAsync(["' OR 1=1 --"], pageSize: 4));
        Assert.Single(await ListAllRunsAsync(["331082"], pageSize: 4));
    }

    private async Task<List<DraftRun>> SaveOnePerRegionAsync()
    {
        var drafts = PrefixRegions
            .Select((region, i) => TestRuns.Draft($"p{i}", TestRuns.Mixed(2, region: region), region: region, createdAt: TestRuns.Created.AddMinutes(i)))
            .ToList();
        foreach (var draft in drafts)
        {
            await Store.SaveDraftAsync(draft, None);
        }

        return drafts;
    }

    private async Task<List<RunInfo>> ListAllRunsAsync(IReadOnlyList<string>? prefixes, int pageSize)
    {
        var listed = new List<RunInfo>();
        string? token = null;
        do
        {
            var page = await Store.ListRunsAsync(new RunQuery(null, null, pageSize, token, prefixes), None);
            Assert.True(page.Runs.Count <= pageSize);
            listed.AddRange(page.Runs);
            token = page.NextPageToken;
        }
        while (token is not null);

        return listed;
    }
}

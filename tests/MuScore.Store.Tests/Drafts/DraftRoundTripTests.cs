using MuScore.Core.Records;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Drafts;

/// <summary>An engine run stored and read back: every rating the engine computed survives bit for bit.</summary>
public sealed class DraftRoundTripTests : IAsyncLifetime
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("muscore-draft-");
    private IRatingStore store = null!;

    public async Task InitializeAsync()
    {
        store = RatingStoreFactory.Create(new RatingStoreOptions { ConnectionString = $"Data Source={Path.Combine(directory.FullName, "r.db")}" });
        await store.InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncDisposable)store).DisposeAsync();
        directory.Delete(recursive: true);
    }

    [Fact]
    public async Task SaveAndList_EngineRun_EveryRatingComesBackIdentical()
    {
        var rows = Enumerable.Range(1, 60)
            .Select(serial => EngineRuns.Valid(serial + 1, EngineRuns.Record(serial, scale: serial % 3 == 0 ? Scale.Below : Scale.Above)))
            .ToList();
        var draft = DraftRunBuilder.From(EngineRuns.Rate(rows), TestRuns.Region, TestRuns.Year, TestRuns.Created, TestRuns.Submitter);

        var saved = await store.SaveDraftAsync(draft, CancellationToken.None);
        var publication = (await store.PublishAsync(new PublishRequest(saved.RunId, TestRuns.Created, TestRuns.Publisher, null), CancellationToken.None)).Publication!;
        var listed = new Dictionary<string, StoredRating>();
        await foreach (var rating in store.ListRatingsAsync(publication, new RatingFilter([], [], []), CancellationToken.None))
        {
            listed.Add(rating.CreditCode, rating);
        }

        Assert.Equal(60, listed.Count);
        Assert.Equal(draft.Pools, (await store.GetRunAsync(saved.RunId, CancellationToken.None))!.Pools);
        Assert.All(draft.Ratings, expected => RatingAssert.Identical(expected, listed[expected.CreditCode]));
    }
}

using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Contract;

public abstract partial class RatingStoreContract
{
    [Fact]
    public async Task Reopen_NewStoreInstanceOnTheSameDatabase_SeesRunsPublicationsAndRatings()
    {
        var ratings = TestRuns.Mixed(25);
        var publication = await PublishAsync(TestRuns.Draft("a", ratings));
        await ((IAsyncDisposable)Store).DisposeAsync();

        var reopened = await OpenAsync();

        Assert.Equal(publication, await reopened.GetLatestPublicationAsync(TestRuns.Region, null, None));
        Assert.Equal(publication, (await reopened.GetRunAsync(publication.RunId, None))!.Publications.Single());
        var found = await reopened.GetRatingsAsync(publication, [ratings[3].CreditCode], None);
        RatingAssert.Identical(ratings[3], found[ratings[3].CreditCode]);
    }

    [Fact]
    public async Task Initialize_AgainOnAnExistingDatabase_KeepsTheData()
    {
        var publication = await PublishAsync(TestRuns.Draft("a", TestRuns.Mixed(3)));

        await Store.InitializeAsync(None);

        Assert.Equal(publication, await Store.GetLatestPublicationAsync(TestRuns.Region, TestRuns.Year, None));
    }

    [Fact]
    public async Task EveryCall_CancelledToken_ThrowsOperationCanceled()
    {
        var draft = TestRuns.Draft("a", TestRuns.Mixed(10));
        var publication = await PublishAsync(draft);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var token = cancelled.Token;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.SaveDraftAsync(TestRuns.Draft("b", TestRuns.Mixed(10)), token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.GetRunAsync(draft.RunId, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ListRunsAsync(new RunQuery(null, null, 10, null), token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.PublishAsync(Request(draft.RunId), token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.GetLatestPublicationAsync(TestRuns.Region, null, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.GetRatingsAsync(publication, [TestRuns.Code(1)], token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.LoadHistoryAsync(TestRuns.Region, 2030, token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var rating in Store.ListRatingsAsync(publication, NoFilter, token))
            {
                Assert.Fail($"listed {rating.CreditCode} after cancellation");
            }
        });
        Assert.Null(await Store.GetRunAsync(TestRuns.Draft("b", []).RunId, None));
        Assert.Equal(1, (await Store.GetLatestPublicationAsync(TestRuns.Region, null, None))!.Version);
    }

    [Fact]
    public async Task ListRatings_CancelledWhileStreaming_StopsWithOperationCanceled()
    {
        var publication = await PublishAsync(TestRuns.Draft("a", TestRuns.Mixed(2000)));
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var rating in Store.ListRatingsAsync(publication, NoFilter, cancellation.Token))
            {
                if (++seen == 10)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.Equal(10, seen);
    }

    [Fact]
    public async Task SaveDraft_TwentyThousandRatings_AllStoredAndListed()
    {
        var ratings = TestRuns.Mixed(20_000);

        var saved = await Store.SaveDraftAsync(TestRuns.Draft("big", ratings), None);
        var publication = (await Store.PublishAsync(Request(saved.RunId), None)).Publication!;
        var listed = 0;
        await foreach (var rating in Store.ListRatingsAsync(publication, NoFilter, None))
        {
            listed++;
        }

        Assert.Equal((18_000, 2_000), (saved.RatedCount, saved.ExcludedCount));
        Assert.Equal(20_000, listed);
        var last = ratings[^1];
        RatingAssert.Identical(last, (await Store.GetRatingsAsync(publication, [last.CreditCode], None))[last.CreditCode]);
    }
}

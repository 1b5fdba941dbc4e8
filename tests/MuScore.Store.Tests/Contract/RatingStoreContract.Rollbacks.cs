using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Contract;

/// <summary>Who submitted and published, why, and which publishes are rollbacks.</summary>
public abstract partial class RatingStoreContract
{
    private static readonly DateTimeOffset Earlier = TestRuns.Created;
    private static readonly DateTimeOffset Later = TestRuns.Created.AddHours(1);

    [Fact]
    public async Task SubmittedBy_FirstSubmitter_ReturnedBySaveGetAndListAndKeptWhenSentAgain()
    {
        var draft = TestRuns.Draft("a", TestRuns.Mixed(3), submittedBy: "alice@office");

        var saved = await Store.SaveDraftAsync(draft, None);
        var again = await Store.SaveDraftAsync(draft with { SubmittedBy = "mallory" }, None);

        Assert.Equal("alice@office", saved.SubmittedBy);
        Assert.Equal("alice@office", again.SubmittedBy);
        Assert.Equal("alice@office", (await Store.GetRunAsync(draft.RunId, None))!.SubmittedBy);
        Assert.Equal("alice@office", Assert.Single((await Store.ListRunsAsync(new RunQuery(null, null, 10, null), None)).Runs).SubmittedBy);
    }

    [Fact]
    public async Task PublishedByAndReason_RoundTripThroughEveryRead()
    {
        var draft = TestRuns.Draft("a", TestRuns.Mixed(3));
        await Store.SaveDraftAsync(draft, None);

        var result = await Store.PublishAsync(new PublishRequest(draft.RunId, Later, "bob@office", "年度评价 2024"), None);

        var expected = new Publication(TestRuns.Region, TestRuns.Year, 1, draft.RunId, Later) { PublishedBy = "bob@office", Reason = "年度评价 2024", IsRollback = false };
        Assert.Equal(PublishOutcome.Published, result.Outcome);
        Assert.Equal(expected, result.Publication);
        Assert.Equal((draft.RunId, TestRuns.Submitter), (result.Run!.RunId, result.Run.SubmittedBy));
        Assert.Equal(expected, await Store.GetLatestPublicationAsync(TestRuns.Region, TestRuns.Year, None));
        Assert.Equal(expected, await Store.GetPublicationAsOfAsync(TestRuns.Region, TestRuns.Year, Later.AddTicks(1), None));
        Assert.Equal([expected], (await Store.GetRunAsync(draft.RunId, None))!.Publications);
        Assert.Equal([expected], (await Store.ListRunsAsync(new RunQuery(null, null, 10, null), None)).Runs.Single().Publications);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \t")]
    public async Task Publish_OlderRunAgainWithoutReason_RollbackNeedsReasonAndNothingWritten(string? reason)
    {
        var (a, b) = (TestRuns.Draft("a", TestRuns.Mixed(3), createdAt: Earlier), TestRuns.Draft("b", TestRuns.Mixed(4), createdAt: Later));
        await PublishAsync(a);
        var newest = await PublishAsync(b);
        var entries = (await AuditEntriesAsync()).Count;

        var result = await Store.PublishAsync(Request(a.RunId, reason: reason), None);

        Assert.Equal(PublishOutcome.RollbackNeedsReason, result.Outcome);
        Assert.Null(result.Publication);
        Assert.Equal(a.RunId, result.Run!.RunId);
        Assert.Equal(newest, await Store.GetLatestPublicationAsync(TestRuns.Region, TestRuns.Year, None));
        Assert.Single((await Store.GetRunAsync(a.RunId, None))!.Publications);
        Assert.Equal(entries, (await AuditEntriesAsync()).Count);
    }

    [Fact]
    public async Task Publish_OlderRunAgainWithReason_Version3MarkedRollbackWithItsReason()
    {
        var (a, b) = (TestRuns.Draft("a", TestRuns.Mixed(3), createdAt: Earlier), TestRuns.Draft("b", TestRuns.Mixed(4), createdAt: Later));
        await PublishAsync(a);
        await PublishAsync(b);

        var result = await Store.PublishAsync(new PublishRequest(a.RunId, Later.AddDays(3), "carol", "b used the wrong land register"), None);

        var rollback = result.Publication!;
        Assert.Equal(PublishOutcome.Published, result.Outcome);
        Assert.Equal((3, a.RunId, true, "b used the wrong land register", "carol"), (rollback.Version, rollback.RunId, rollback.IsRollback, rollback.Reason, rollback.PublishedBy));
        Assert.Equal(rollback, await Store.GetLatestPublicationAsync(TestRuns.Region, TestRuns.Year, None));
        Assert.Equal([(1, false), (3, true)], (await Store.GetRunAsync(a.RunId, None))!.Publications.Select(p => (p.Version, p.IsRollback)));
    }

    [Fact]
    public async Task Publish_NeverPublishedRunCreatedBeforeTheNewest_IsARollback()
    {
        var (older, newer) = (TestRuns.Draft("a", TestRuns.Mixed(3), createdAt: Earlier), TestRuns.Draft("b", TestRuns.Mixed(4), createdAt: Later));
        await Store.SaveDraftAsync(older, None);
        await PublishAsync(newer);

        Assert.Equal(PublishOutcome.RollbackNeedsReason, (await Store.PublishAsync(Request(older.RunId), None)).Outcome);
        Assert.True((await Store.PublishAsync(Request(older.RunId, reason: "newer one withdrawn"), None)).Publication!.IsRollback);
    }

    [Fact]
    public async Task Publish_NewerRun_NotARollbackAndAGivenReasonIsKept()
    {
        await PublishAsync(TestRuns.Draft("a", TestRuns.Mixed(3), createdAt: Earlier));
        var newer = TestRuns.Draft("b", TestRuns.Mixed(4), createdAt: Later);
        await Store.SaveDraftAsync(newer, None);

        var result = await Store.PublishAsync(Request(newer.RunId, reason: "corrected tax figures"), None);
        var plain = await PublishAsync(TestRuns.Draft("c", TestRuns.Mixed(2), createdAt: Later.AddHours(1)));

        Assert.Equal((2, false, "corrected tax figures"), (result.Publication!.Version, result.Publication.IsRollback, result.Publication.Reason));
        Assert.Equal((3, false, null), (plain.Version, plain.IsRollback, plain.Reason));
    }

    [Fact]
    public async Task Publish_SameCreationTime_TheSmallerRunIdIsTheOlder()
    {
        var (small2024, large2024) = SameTimePair(2024);
        var (small2023, large2023) = SameTimePair(2023);
        await PublishAsync(small2024);
        await PublishAsync(large2023);
        await Store.SaveDraftAsync(small2023, None);

        var forward = await PublishAsync(large2024);
        var backward = await Store.PublishAsync(Request(small2023.RunId), None);

        Assert.False(forward.IsRollback);
        Assert.Equal(PublishOutcome.RollbackNeedsReason, backward.Outcome);
    }

    [Fact]
    public async Task Publish_RunPublishedAtAnEarlierVersion_IsARollbackEvenWhenCreatedLater()
    {
        var (late, early) = (TestRuns.Draft("late", TestRuns.Mixed(3), createdAt: Later), TestRuns.Draft("early", TestRuns.Mixed(4), createdAt: Earlier));
        await PublishAsync(late);
        await PublishAsync(early, reason: "back to the first upload");

        var withoutReason = await Store.PublishAsync(Request(late.RunId), None);
        var withReason = await Store.PublishAsync(Request(late.RunId, reason: "the first upload was right"), None);

        Assert.Equal(PublishOutcome.RollbackNeedsReason, withoutReason.Outcome);
        Assert.Equal((3, true), (withReason.Publication!.Version, withReason.Publication.IsRollback));
    }

    [Fact]
    public async Task Publish_CallerOrReasonTooLong_ThrowsAndWritesNothing()
    {
        var draft = TestRuns.Draft("a", TestRuns.Mixed(3));
        await Store.SaveDraftAsync(draft, None);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.PublishAsync(new PublishRequest(draft.RunId, Later, new string('x', 257), null), None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PublishAsync(new PublishRequest(draft.RunId, Later, "bob", new string('x', 1025)), None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveDraftAsync(TestRuns.Draft("b", TestRuns.Mixed(3), submittedBy: new string('x', 257)), None));

        Assert.Null(await Store.GetLatestPublicationAsync(TestRuns.Region, null, None));
        Assert.Null(await Store.GetRunAsync(TestRuns.Draft("b", []).RunId, None));
        Assert.Single(await AuditEntriesAsync());
    }

    /// <summary>Two drafts of a year created at the same instant, ordered by run id (ordinal).</summary>
    private static (DraftRun Small, DraftRun Large) SameTimePair(int year)
    {
        var pair = new[] { TestRuns.Draft("a", TestRuns.Mixed(3, year: year), year: year), TestRuns.Draft("b", TestRuns.Mixed(3, year: year), year: year) };
        return string.CompareOrdinal(pair[0].RunId, pair[1].RunId) < 0 ? (pair[0], pair[1]) : (pair[1], pair[0]);
    }
}

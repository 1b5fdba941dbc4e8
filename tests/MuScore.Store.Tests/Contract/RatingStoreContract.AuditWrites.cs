using MuScore.Store.Audit;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Contract;

/// <summary>The entries saves and publishes append, in the same transaction as the change.</summary>
public abstract partial class RatingStoreContract
{
    [Fact]
    public async Task SaveDraft_NewRun_AppendsOneRunSubmittedEntryWithItsCounts()
    {
        var draft = TestRuns.Draft("a", TestRuns.Mixed(40));

        await Store.SaveDraftAsync(draft, None);

        var entry = Assert.Single(await AuditEntriesAsync());
        Assert.Equal(
            new AuditRecord(AuditKinds.RunSubmitted, draft.CreatedAt, TestRuns.Submitter, TestRuns.Region, TestRuns.Year, draft.RunId, null, null, """{"records":42,"rated":36,"excluded":4,"rejected":2}"""),
            entry.Record);
        Assert.Equal((1L, new string('0', 64)), (entry.Sequence, entry.PreviousHash));
        Assert.Matches("^[0-9a-f]{64}$", entry.Hash);
    }

    [Fact]
    public async Task SaveDraft_SameRunSentAgain_AppendsASecondEntryNamingTheNewSender()
    {
        var draft = TestRuns.Draft("a", TestRuns.Mixed(10));
        await Store.SaveDraftAsync(draft, None);

        await Store.SaveDraftAsync(draft with { SubmittedBy = "dave", CreatedAt = draft.CreatedAt.AddHours(2) }, None);

        var entries = await AuditEntriesAsync();
        Assert.Equal(2, entries.Count);
        var again = entries[1].Record;
        Assert.Equal((AuditKinds.RunSubmitted, "dave", draft.RunId, draft.CreatedAt.AddHours(2)), (again.Kind, again.Caller, again.RunId, again.At));
        Assert.Equal("""{"records":12,"rated":9,"excluded":1,"rejected":2,"already_stored":true}""", again.Detail);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
    }

    [Fact]
    public async Task Publish_NewVersionAndRollback_AppendPublishedThenRollbackWithVersionCallerAndReason()
    {
        var (a, b) = (TestRuns.Draft("a", TestRuns.Mixed(3)), TestRuns.Draft("b", TestRuns.Mixed(4), createdAt: TestRuns.Created.AddHours(1)));
        await PublishAsync(a, TestRuns.Created.AddDays(1));
        await PublishAsync(b, TestRuns.Created.AddDays(2), reason: "corrected");
        await Store.PublishAsync(new PublishRequest(a.RunId, TestRuns.Created.AddDays(3), "carol", "b was wrong"), None);

        var entries = await AuditEntriesAsync();

        Assert.Equal(
            [AuditKinds.RunSubmitted, AuditKinds.RunPublished, AuditKinds.RunSubmitted, AuditKinds.RunPublished, AuditKinds.RunRollback],
            entries.Select(e => e.Record.Kind));
        Assert.Equal(
            new AuditRecord(AuditKinds.RunPublished, TestRuns.Created.AddDays(1), TestRuns.Publisher, TestRuns.Region, TestRuns.Year, a.RunId, 1, null, null),
            entries[1].Record);
        Assert.Equal(
            new AuditRecord(AuditKinds.RunPublished, TestRuns.Created.AddDays(2), TestRuns.Publisher, TestRuns.Region, TestRuns.Year, b.RunId, 2, "corrected", $$"""{"replaces_version":1,"replaces_run_id":"{{a.RunId}}"}"""),
            entries[3].Record);
        Assert.Equal(
            new AuditRecord(AuditKinds.RunRollback, TestRuns.Created.AddDays(3), "carol", TestRuns.Region, TestRuns.Year, a.RunId, 3, "b was wrong", $$"""{"replaces_version":2,"replaces_run_id":"{{b.RunId}}"}"""),
            entries[4].Record);
        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Publish_AlreadyNewestRunNotFoundOrRefusedRollback_AppendNothing()
    {
        var (a, b) = (TestRuns.Draft("a", TestRuns.Mixed(3)), TestRuns.Draft("b", TestRuns.Mixed(4), createdAt: TestRuns.Created.AddHours(1)));
        await PublishAsync(a);
        await PublishAsync(b);
        var before = await AuditEntriesAsync();

        await Store.PublishAsync(Request(b.RunId), None);
        await Store.PublishAsync(Request("no-such-run"), None);
        await Store.PublishAsync(Request(a.RunId), None);

        Assert.Equal(before, await AuditEntriesAsync());
    }

    [Fact]
    public async Task SaveAndPublish_AuditAppendFails_TheRunAndThePublicationAreRolledBackToo()
    {
        var published = TestRuns.Draft("a", TestRuns.Mixed(3));
        await Store.SaveDraftAsync(published, None);
        var draft = TestRuns.Draft("b", TestRuns.Mixed(5), createdAt: TestRuns.Created.AddHours(1));
        await ExecuteSqlAsync("DELETE FROM audit_head");

        await Assert.ThrowsAsync<InvalidDataException>(() => Store.SaveDraftAsync(draft, None));
        await Assert.ThrowsAsync<InvalidDataException>(() => Store.PublishAsync(Request(published.RunId), None));
        await Assert.ThrowsAsync<InvalidDataException>(() => Audit.AppendAsync(Record("x"), None));

        Assert.Null(await Store.GetRunAsync(draft.RunId, None));
        Assert.Null(await Store.GetLatestPublicationAsync(TestRuns.Region, null, None));
        Assert.Single(await AuditEntriesAsync());
    }

    [Fact]
    public async Task Verify_AfterSavesAndPublishes_IntactAndTheHeadIsTheLastEntry()
    {
        await PublishAsync(TestRuns.Draft("a", TestRuns.Mixed(3)));
        await PublishAsync(TestRuns.Draft("b", TestRuns.Mixed(3), createdAt: TestRuns.Created.AddHours(1)));
        var last = (await AuditEntriesAsync())[^1];

        var verification = await Audit.VerifyAsync(None);

        Assert.Equal(new AuditVerification(true, 4, 4, last.Hash, null, null, null), verification);
    }

    [Fact]
    public async Task Verify_EmptyLog_IntactWithZeroEntriesAndAZeroHead() =>
        Assert.Equal(new AuditVerification(true, 0, 0, new string('0', 64), null, null, null), await Audit.VerifyAsync(None));

    /// <summary>A record of the test caller <c>erin</c> in the test region, at a minute after <see cref="TestRuns.Created"/>.</summary>
    private static AuditRecord Record(string kind, int minute = 0, string caller = "erin", string? region = TestRuns.Region, string? detail = null) =>
        new(kind, TestRuns.Created.AddMinutes(minute), caller, region, TestRuns.Year, null, null, null, detail);
}

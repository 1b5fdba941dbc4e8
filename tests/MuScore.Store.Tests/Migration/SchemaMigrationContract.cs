using MuScore.Store.Audit;
using MuScore.Store.Review;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Migration;

/// <summary>
/// A database of the first release (schema version 1) opened by this build, on each provider:
/// the new columns and the audit log are added, the old rows read back with empty actors.
/// </summary>
public abstract class SchemaMigrationContract : IAsyncLifetime
{
    private static readonly DateTimeOffset V1Created = new(638764698150000000, TimeSpan.Zero);
    private static readonly DateTimeOffset V1Published = new(638765562150000000, TimeSpan.Zero);
    private readonly List<IRatingStore> opened = [];

    protected static CancellationToken None => CancellationToken.None;

    /// <summary>The schema of version 1 in this provider's dialect.</summary>
    protected abstract string V1Ddl { get; }

    /// <summary>The step to version 2 as it shipped, in this provider's dialect.</summary>
    protected abstract string V2Ddl { get; }

    public abstract Task InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in opened)
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    [Fact]
    public async Task Open_V1DatabaseWithARunAndAPublication_ReadsThemBackWithEmptyActorsAndRecordsEachVersion()
    {
        await ExecuteSqlAsync(V1Ddl + V1Schema.RunAndPublication);

        var store = await OpenAsync();

        var run = (await store.GetRunAsync("v1-run", None))!;
        var expected = new Publication("331082", 2024, 1, "v1-run", V1Published) { PublishedBy = string.Empty, Reason = null, IsRollback = false };
        Assert.Equal(("331082", 2024, V1Created, string.Empty, 4, 1), (run.Region, run.Year, run.CreatedAt, run.SubmittedBy, run.RecordCount, run.RejectedCount));
        Assert.Equal([new PoolCounts("ABOVE", 2, 1, 1, 0, 0)], run.Pools);
        Assert.Equal("tax is blank", run.Rejected.Single().Violations.Single().Description);
        Assert.Equal([expected], run.Publications);
        Assert.Equal(expected, await store.GetLatestPublicationAsync("331082", 2024, None));
        Assert.Equal([1L, 2, 3], await VersionsAsync());
        Assert.Equal(new AuditVerification(true, 0, 0, new string('0', 64), null, null, null), await RatingStoreFactory.AuditLogOf(store).VerifyAsync(None));
    }

    [Fact]
    public async Task Open_V1Database_NewRunsPublishAfterTheOldOneAndAreAudited()
    {
        await ExecuteSqlAsync(V1Ddl + V1Schema.RunAndPublication);
        var store = await OpenAsync();
        var draft = TestRuns.Draft("after-migration", TestRuns.Mixed(3), createdAt: V1Created.AddDays(30));

        await store.SaveDraftAsync(draft, None);
        var result = await store.PublishAsync(new PublishRequest(draft.RunId, V1Published.AddDays(30), TestRuns.Publisher, null), None);
        var back = await store.PublishAsync(new PublishRequest("v1-run", V1Published.AddDays(31), TestRuns.Publisher, null), None);

        Assert.Equal((PublishOutcome.Published, 2, false), (result.Outcome, result.Publication!.Version, result.Publication.IsRollback));
        Assert.Equal(PublishOutcome.RollbackNeedsReason, back.Outcome);
        var verification = await RatingStoreFactory.AuditLogOf(store).VerifyAsync(None);
        Assert.Equal((true, 2L), (verification.Intact, verification.EntriesChecked));
    }

    [Fact]
    public async Task Open_TwoInstancesAtOnceOnAV1Database_BothStartAndTheSchemaIsMigratedOnce()
    {
        await ExecuteSqlAsync(V1Ddl + V1Schema.RunAndPublication);

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(OpenAsync)));

        Assert.Equal([1L, 2, 3], await VersionsAsync());
        Assert.All(await Task.WhenAll(stores.Select(s => s.GetRunAsync("v1-run", None))), run => Assert.Single(run!.Publications));
        Assert.Equal(0, (await RatingStoreFactory.AuditLogOf(stores[0]).VerifyAsync(None)).EntriesChecked);
    }

    [Fact]
    public async Task Open_TwoInstancesAtOnceOnAnEmptyDatabase_BothStartAtTheCurrentVersion()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(OpenAsync)));

        Assert.Equal([1L, 2, 3], await VersionsAsync());
        Assert.True((await RatingStoreFactory.AuditLogOf(stores[1]).VerifyAsync(None)).Intact);
    }

    [Fact]
    public async Task Open_DatabaseOfANewerSchema_RefusedNamingBothVersions()
    {
        await ExecuteSqlAsync(V1Ddl + "INSERT INTO schema_version (version, applied_at) VALUES (4, 0);");
        var store = RatingStoreFactory.Create(Options());
        opened.Add(store);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync(None));

        Assert.Contains("schema version 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 3 only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_V2DatabaseWithAPublishedRun_MigratesToVersion3AndTheRunGoesOnNoticeAudited()
    {
        await ExecuteSqlAsync(V1Ddl + V1Schema.RunAndPublication + V2Ddl);

        var store = await OpenAsync();
        var review = RatingStoreFactory.ReviewStoreOf(store);
        var notice = new Notice("331082", 2024, "v1-run", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6), 5, "officer", V1Published.AddDays(400));
        var started = await review.StartNoticeAsync(notice, None);

        Assert.Equal([1L, 2, 3], await VersionsAsync());
        Assert.Equal(ReviewOutcome.Done, started.Outcome);
        Assert.Equal(["v1-run"], (await review.ListDraftsAsync("331082", 2024, None)).Select(d => d.RunId));
        Assert.Single((await store.GetRunAsync("v1-run", None))!.Publications);
        var verification = await RatingStoreFactory.AuditLogOf(store).VerifyAsync(None);
        Assert.Equal((true, 1L), (verification.Intact, verification.EntriesChecked));
    }

    protected abstract RatingStoreOptions Options();

    protected abstract Task DropDatabaseAsync();

    /// <summary>Runs SQL on this test's database without the store.</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    /// <summary>The versions recorded in schema_version, ascending.</summary>
    protected abstract Task<List<long>> VersionsAsync();

    private async Task<IRatingStore> OpenAsync()
    {
        var store = RatingStoreFactory.Create(Options());
        lock (opened)
        {
            opened.Add(store);
        }

        await store.InitializeAsync(None);
        return store;
    }
}

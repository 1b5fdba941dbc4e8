using MuScore.Store.Audit;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Contract;

/// <summary>
/// What every <see cref="IRatingStore"/> must do, run against each database by a subclass. Each
/// test gets an empty database; <see cref="OpenAsync"/> opens another store instance on it (a
/// second server, or the same server after a restart).
/// </summary>
public abstract partial class RatingStoreContract : IAsyncLifetime
{
    private readonly List<IRatingStore> opened = [];

    protected static CancellationToken None => CancellationToken.None;

    protected IRatingStore Store { get; private set; } = null!;

    /// <summary>The audit log of <see cref="Store"/> (the same object, same database).</summary>
    protected IAuditLog Audit => RatingStoreFactory.AuditLogOf(Store);

    public async Task InitializeAsync()
    {
        await PrepareDatabaseAsync();
        Store = await OpenAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in opened)
        {
            await ((IAsyncDisposable)store).DisposeAsync();
        }

        await DropDatabaseAsync();
    }

    /// <summary>A new, initialised store instance on this test's database.</summary>
    protected async Task<IRatingStore> OpenAsync()
    {
        var store = RatingStoreFactory.Create(Options());
        opened.Add(store);
        await store.InitializeAsync(None);
        return store;
    }

    /// <summary>The options of this test's database.</summary>
    protected abstract RatingStoreOptions Options();

    protected abstract Task PrepareDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    /// <summary>Runs SQL on this test's database behind the store's back (the tamper tests).</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    /// <summary>Every audit entry, oldest first.</summary>
    protected async Task<List<AuditEntry>> AuditEntriesAsync(IAuditLog? log = null)
    {
        var entries = new List<AuditEntry>();
        long? after = null;
        while (true)
        {
            var page = new List<AuditEntry>();
            await foreach (var entry in (log ?? Audit).ListAsync(new AuditQuery(null, null, null, null, null, after, AuditQuery.MaxLimit), None))
            {
                page.Add(entry);
            }

            entries.AddRange(page);
            if (page.Count < AuditQuery.MaxLimit)
            {
                return entries;
            }

            after = page[^1].Sequence;
        }
    }

    /// <summary>Saves a draft and publishes it as <see cref="TestRuns.Publisher"/>; fails unless it becomes (or already is) the newest version.</summary>
    protected async Task<Publication> PublishAsync(DraftRun draft, DateTimeOffset? at = null, string? reason = null)
    {
        await Store.SaveDraftAsync(draft, None);
        var result = await Store.PublishAsync(Request(draft.RunId, at ?? TestRuns.Created.AddDays(1), reason), None);
        Assert.True(result.Outcome is PublishOutcome.Published or PublishOutcome.AlreadyNewest, $"publishing {draft.InputHash}: {result.Outcome}");
        return result.Publication!;
    }

    /// <summary>A publish request by <see cref="TestRuns.Publisher"/>.</summary>
    protected static PublishRequest Request(string runId, DateTimeOffset? at = null, string? reason = null) =>
        new(runId, at ?? TestRuns.Created.AddDays(1), TestRuns.Publisher, reason);

    protected async Task<List<StoredRating>> ListAsync(Publication publication, RatingFilter filter)
    {
        var list = new List<StoredRating>();
        await foreach (var rating in Store.ListRatingsAsync(publication, filter, None))
        {
            list.Add(rating);
        }

        return list;
    }

    protected static RatingFilter NoFilter => new([], [], []);
}

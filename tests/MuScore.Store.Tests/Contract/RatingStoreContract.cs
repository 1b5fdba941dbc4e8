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

    /// <summary>Saves a draft and publishes it.</summary>
    protected async Task<Publication> PublishAsync(DraftRun draft, DateTimeOffset? at = null)
    {
        await Store.SaveDraftAsync(draft, None);
        return (await Store.PublishAsync(draft.RunId, at ?? TestRuns.Created.AddDays(1), None))!;
    }

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

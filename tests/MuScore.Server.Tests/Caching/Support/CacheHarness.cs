using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MuScore.Server.Caching;
using MuScore.Server.Reading;
using MuScore.Store;

namespace MuScore.Server.Tests.Caching.Support;

/// <summary>
/// One server instance's worth of reading: a real SQLite store, the real database reader behind a
/// call counter, decorated by <see cref="CachingServiceCollectionExtensions.AddMuScoreCaching"/>
/// exactly as the host does, with the invalidation listener running. Two harnesses on one file
/// and one Redis behave like two instances.
/// </summary>
internal sealed class CacheHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly IRatingStore store;
    private readonly string connectionString;
    private readonly List<IHostedService> hosted;

    private CacheHarness(ServiceProvider services, IRatingStore store, string connectionString)
    {
        this.services = services;
        this.store = store;
        this.connectionString = connectionString;
        hosted = [.. services.GetServices<IHostedService>()];
    }

    public IPublishedRatings Ratings => services.GetRequiredService<IPublishedRatings>();

    public CountingPublishedRatings Database => services.GetRequiredService<CountingPublishedRatings>();

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>
    /// Waits (20 s at most) until no Redis call is in flight: write-backs run in the background, so a
    /// test that expects a read's answer in Redis waits for them first. A read starts its write-back
    /// before it returns, so none is missed.
    /// </summary>
    public async Task RedisSettledAsync()
    {
        var cache = Get<SharedRedis>().Cache ?? throw new InvalidOperationException("this harness has no Redis");
        Assert.True(
            await Eventually.TrueAsync(() => Task.FromResult(cache.CallsInFlight == 0), TimeSpan.FromSeconds(20)),
            "Redis calls were still in flight after 20 s");
    }

    /// <param name="sqliteFile">The database file (share it to share data).</param>
    /// <param name="redis">A Redis configuration string, or null for none.</param>
    /// <param name="localCache">Whether the in-process rating cache is on.</param>
    /// <param name="settings">Further configuration.</param>
    public static async Task<CacheHarness> StartAsync(string sqliteFile, string? redis, bool localCache = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["MuScore:Redis:ConnectionString"] = redis ?? string.Empty,
            ["MuScore:Cache:Enabled"] = localCache ? "true" : "false",

            // These tests count what reaches Redis and the database; warming would race them. WarmingTests turns it on.
            ["MuScore:Cache:WarmOnPublish"] = "false",
            ["MuScore:Cache:WarmOnStart"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var connectionString = $"Data Source={sqliteFile}";
        var store = RatingStoreFactory.Create(new RatingStoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = connectionString });
        await store.InitializeAsync(CancellationToken.None);

        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(store);
        collection.AddSingleton<RunStamps>();
        collection.AddSingleton<DatabasePublishedRatings>();
        collection.AddSingleton(sp => new CountingPublishedRatings(sp.GetRequiredService<DatabasePublishedRatings>()));
        collection.AddSingleton<IPublishedRatings>(sp => sp.GetRequiredService<CountingPublishedRatings>());
        collection.AddMuScoreCaching(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

        var harness = new CacheHarness(collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), store, connectionString);
        foreach (var service in harness.hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return harness;
    }

    /// <summary>Stores and publishes a run of <paramref name="count"/> enterprises, then tells the cache, as the PublishRun handler does.</summary>
    public async Task<Publication> PublishAsync(string region, int year, int count, int tag)
    {
        var ratings = StoredRatings.Run(region, year, count, tag);
        var run = await store.SaveDraftAsync(StoredRatings.Draft(region, year, ratings, tag), CancellationToken.None);
        var publication = (await store.PublishAsync(new PublishRequest(run.RunId, DateTimeOffset.UnixEpoch.AddDays(tag), "cache-test", null), CancellationToken.None)).Publication
            ?? throw new InvalidOperationException("the run just stored was not published");
        await Ratings.PublishedAsync(region, year, CancellationToken.None);
        return publication;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await services.DisposeAsync();
        if (store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }
}

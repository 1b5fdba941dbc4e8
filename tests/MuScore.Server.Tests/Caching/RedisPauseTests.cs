using MuScore.Server.Caching;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Redis;

namespace MuScore.Server.Tests.Caching;

/// <summary>
/// The cache while its redis-server is frozen with SIGSTOP: the connection stays up but nothing
/// answers, so every call would run into its timeout. Costs are counted on the shared
/// <see cref="RedisGate"/>, never timed.
/// </summary>
public sealed class RedisPauseTests : IAsyncLifetime, IDisposable
{
    private const int Year = 2024;
    private const int Count = 40;

    // The gate stays shut for 3 s, longer than both bursts below take; recovery is still seen in seconds.
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["MuScore:Redis:BreakDuration"] = "00:00:03",
        ["MuScore:Redis:ReconnectMaxInterval"] = "00:00:00.500",
    };

    private readonly TempDirectory directory = new();
    private RedisServer? redis;

    private RedisServer Redis => redis!;

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Redis.DisposeAsync();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task GetAsync_RedisPaused_BurstPaysFewTimeoutsAndRedisServesAgainAfterResume()
    {
        // No in-process rating cache: every read asks Redis, which holds every rating.
        await using var harness = await CacheHarness.StartAsync(directory.File("cache.db"), Redis.ConnectionString, localCache: false, Settings);
        var region = Regions.Next();
        await harness.PublishAsync(region, Year, count: Count, tag: 1);
        await BurstAsync(harness, region);
        var gate = harness.Get<SharedRedis>().Cache!.Gate;
        Assert.Equal(0, gate.Failures);

        Redis.Pause();
        try
        {
            await BurstAsync(harness, region);
            var first = gate.Failures;
            Assert.InRange(first, 1, 4);

            // The gate is shut for everyone: a second burst skips Redis (one trial call at most).
            await BurstAsync(harness, region);
            Assert.InRange(gate.Failures - first, 0, 1);
        }
        finally
        {
            Redis.Resume();
        }

        var code = StoredRatings.Code(7, region);
        var recovered = await Eventually.TrueAsync(
            async () =>
            {
                var before = harness.Database.Calls;
                await harness.Ratings.GetAsync(region, code, Year, CancellationToken.None);
                await harness.Ratings.GetAsync(region, code, Year, CancellationToken.None);
                return harness.Database.Calls == before;
            },
            TimeSpan.FromSeconds(15));
        Assert.True(recovered, "reads still went to the database 15 s after Redis was resumed");
    }

    [Fact]
    public async Task GetManyAsync_RedisPaused_BatchesAnswerFromTheDatabase()
    {
        await using var harness = await CacheHarness.StartAsync(directory.File("cache.db"), Redis.ConnectionString, localCache: false, Settings);
        var region = Regions.Next();
        await harness.PublishAsync(region, Year, count: Count, tag: 1);
        var codes = Enumerable.Range(1, Count).Select(serial => StoredRatings.Code(serial, region)).ToArray();
        await harness.Ratings.GetManyAsync(region, codes, Year, CancellationToken.None);

        Redis.Pause();
        try
        {
            var batches = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
                harness.Ratings.GetManyAsync(region, codes, Year, CancellationToken.None).AsTask()));
            Assert.All(batches, batch => Assert.All(batch, lookup => Assert.NotNull(lookup.Rating)));
            Assert.InRange(harness.Get<SharedRedis>().Cache!.Gate.Failures, 1, 10);
        }
        finally
        {
            Redis.Resume();
        }
    }

    private static async Task BurstAsync(CacheHarness harness, string region)
    {
        var lookups = await Task.WhenAll(Enumerable.Range(1, Count).Select(serial =>
            harness.Ratings.GetAsync(region, StoredRatings.Code(serial, region), Year, CancellationToken.None).AsTask()));
        for (var serial = 1; serial <= Count; serial++)
        {
            Assert.Equal(StoredRatings.Code(serial, region), lookups[serial - 1].Rating?.CreditCode);
        }
    }
}

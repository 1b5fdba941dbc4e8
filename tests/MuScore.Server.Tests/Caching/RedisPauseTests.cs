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

    // The gate stays shut for 5 s (the default), longer than the bursts below take even on a loaded
    // machine, so no trial call falls inside them; recovery is still seen within the 20 s waited.
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["MuScore:Redis:BreakDuration"] = "00:00:05",
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
        // A cold first call may time out on a loaded machine and shut the gate; start from a Redis in use.
        Assert.True(await RedisServesAsync(harness, region), "Redis never served the warm reads");
        var gate = harness.Get<SharedRedis>().Cache!.Gate;
        var before = gate.Failures;

        Redis.Pause();
        try
        {
            // All 40 start together, so all may be in flight before the first times out: one each at most.
            await BurstAsync(harness, region);
            var first = gate.Failures - before;
            Assert.InRange(first, 1, Count);

            // The gate is shut for everyone: a second burst skips Redis (one trial call at most).
            await BurstAsync(harness, region);
            Assert.InRange(gate.Failures - before - first, 0, 1);
        }
        finally
        {
            Redis.Resume();
        }

        Assert.True(await RedisServesAsync(harness, region), "reads still went to the database 20 s after Redis was resumed");
    }

    [Fact]
    public async Task GetManyAsync_RedisPaused_BatchesAnswerFromTheDatabase()
    {
        await using var harness = await CacheHarness.StartAsync(directory.File("cache.db"), Redis.ConnectionString, localCache: false, Settings);
        var region = Regions.Next();
        await harness.PublishAsync(region, Year, count: Count, tag: 1);
        var codes = Enumerable.Range(1, Count).Select(serial => StoredRatings.Code(serial, region)).ToArray();
        await harness.Ratings.GetManyAsync(region, codes, Year, CancellationToken.None);
        Assert.True(await RedisServesAsync(harness, region), "Redis never served the warm reads");
        var gate = harness.Get<SharedRedis>().Cache!.Gate;
        var before = gate.Failures;

        Redis.Pause();
        try
        {
            var batches = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
                harness.Ratings.GetManyAsync(region, codes, Year, CancellationToken.None).AsTask()));
            Assert.All(batches, batch => Assert.All(batch, lookup => Assert.NotNull(lookup.Rating)));
            // One each at most, plus one trial call should the burst outlast the break on a loaded machine.
            Assert.InRange(gate.Failures - before, 1, 10 + 1);
        }
        finally
        {
            Redis.Resume();
        }
    }

    /// <summary>Whether, within 20 s, two reads of one code are answered without the database.</summary>
    private static Task<bool> RedisServesAsync(CacheHarness harness, string region)
    {
        var code = StoredRatings.Code(7, region);
        return Eventually.TrueAsync(
            async () =>
            {
                var before = harness.Database.Calls;
                await harness.Ratings.GetAsync(region, code, Year, CancellationToken.None);
                await harness.Ratings.GetAsync(region, code, Year, CancellationToken.None);
                return harness.Database.Calls == before;
            },
            TimeSpan.FromSeconds(20));
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

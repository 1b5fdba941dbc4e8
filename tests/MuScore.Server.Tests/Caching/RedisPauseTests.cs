using MuScore.Server.Caching;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Redis;

namespace MuScore.Server.Tests.Caching;

/// <summary>
/// The cache while its redis-server is frozen with SIGSTOP: the connection stays up but nothing
/// answers, so every call would run into its timeout. Costs are counted on the shared
/// <see cref="RedisGate"/> and the request's <see cref="RedisBudget"/>, never timed.
/// </summary>
public sealed class RedisPauseTests : IAsyncLifetime, IDisposable
{
    private const int Year = 2024;
    private const int Count = 40;

    // The gate's own 1 s pause is the default; the reconnect pause is short so recovery is seen in seconds.
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["MuScore:Redis:BreakDuration"] = "00:00:01",
        ["MuScore:Redis:ReconnectMaxInterval"] = "00:00:00.500",
    };

    private readonly TempDirectory directory = new();
    private RedisServer? redis;

    private RedisServer Redis => redis!;

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    // SIGKILL ends a frozen server too, so a test that failed while Redis was paused leaves nothing behind.
    public async Task DisposeAsync() => await Redis.DisposeAsync();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task GetAsync_RedisPaused_OnlyCallsInFlightFail_ThenEveryReadSkipsRedis_AndRedisServesAfterResume()
    {
        // No in-process rating cache: every read asks Redis, which holds every rating.
        await using var harness = await CacheHarness.StartAsync(directory.File("cache.db"), Redis.ConnectionString, localCache: false, Settings);
        var region = Regions.Next();
        await harness.PublishAsync(region, Year, count: Count, tag: 1);
        await BurstAsync(harness, region);
        // A cold first call may time out on a loaded machine and shut the gate; start from a Redis in use.
        Assert.True(await RedisServesAsync(harness, region), "Redis never served the warm reads");
        var cache = harness.Get<SharedRedis>().Cache!;
        var before = cache.Gate.Failures;

        Redis.Pause();

        // Every read is answered (from the database); the calls already sent when Redis froze time out.
        await BurstAsync(harness, region);
        Assert.True(await SettledAsync(cache, before), "no Redis call failed, or calls were still in flight 20 s after the burst");
        var failures = cache.Gate.Failures;
        // Reads (one shared MGET per batch) and the write-backs begun before the gate shut: two per read at most.
        Assert.InRange(failures - before, 1, 2 * Count);

        // The gate is shut for everyone: a second burst sends Redis nothing and each read skips it.
        // Background trials run meanwhile but are not calls of requests, and cannot succeed while Redis is frozen.
        var skips = cache.Gate.Skips;
        await BurstAsync(harness, region);
        Assert.Equal(failures, cache.Gate.Failures);
        Assert.True(cache.Gate.Skips - skips >= Count, $"{cache.Gate.Skips - skips} skipped calls for {Count} reads");

        Redis.Resume();
        Assert.True(await RedisServesAsync(harness, region), "reads still went to the database 20 s after Redis was resumed");
    }

    [Fact]
    public async Task Budget_AfterOneTimeout_TheRequestsNextCallsSkipRedisEvenOnceItAnswers()
    {
        await using var harness = await CacheHarness.StartAsync(directory.File("cache.db"), Redis.ConnectionString, localCache: false, Settings);
        var region = Regions.Next();
        await harness.PublishAsync(region, Year, count: 5, tag: 1);
        Assert.True(await RedisServesAsync(harness, region), "Redis never served the warm reads");
        var cache = harness.Get<SharedRedis>().Cache!;
        var pointer = PointerKey.For(region, Year);
        var (_, found) = await cache.TryGetPointerAsync(pointer, cache.NewBudget(), CancellationToken.None);
        var keys = new[] { RatingKey.For(region, Assert.NotNull(found), StoredRatings.Code(1, region)) };

        // The call must reach the frozen Redis: a gate a background write-back shut meanwhile (loaded
        // machine) would skip it without spending anything, so that attempt is made again.
        RedisBudget budget;
        bool answered;
        var attempts = 0;
        do
        {
            // A precondition, not a timing check: on a loaded machine the gate's background PING can miss its 250 ms a few times running.
            // Asked as a request would ask (TryEnter): only a call that finds the gate shut past its pause starts the trial that
            // reopens it, so merely watching IsShut after a skipped attempt would wait for a trial nobody starts.
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(cache.Gate.TryEnter()), TimeSpan.FromSeconds(60)), "the Redis gate stayed shut for 60 s");
            Redis.Pause();
            budget = cache.NewBudget();
            (answered, _) = await cache.TryGetPointerAsync(pointer, budget, CancellationToken.None);
            Redis.Resume();
        }
        while (!answered && !budget.Spent && ++attempts < 5);

        // The one timeout used the request's whole Redis time.
        Assert.False(answered);
        Assert.True(budget.Spent);

        // Once Redis answers again a new request is served, but the one that paid never asks Redis again.
        Assert.True(
            await Eventually.TrueAsync(async () => await cache.TryGetRatingsAsync(keys, cache.NewBudget(), CancellationToken.None) is not null, TimeSpan.FromSeconds(20)),
            "Redis did not answer a fresh request 20 s after it was resumed");
        var inFlight = cache.CallsInFlight;
        Assert.Null(await cache.TryGetRatingsAsync(keys, budget, CancellationToken.None));
        Assert.Null(await cache.TryGetRatingAsync(keys[0], budget));
        Assert.Null(await cache.TryGetLastPointerAsync(pointer, budget, CancellationToken.None));
        Assert.Equal(inFlight, cache.CallsInFlight);
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
        var cache = harness.Get<SharedRedis>().Cache!;
        var before = cache.Gate.Failures;

        Redis.Pause();
        var batches = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            harness.Ratings.GetManyAsync(region, codes, Year, CancellationToken.None).AsTask()));
        Assert.All(batches, batch => Assert.All(batch, lookup => Assert.NotNull(lookup.Rating)));
        Assert.True(await SettledAsync(cache, before), "no Redis call failed, or calls were still in flight 20 s after the batches");
        // One MGET per batch and the write-backs begun before the gate shut, at most.
        Assert.InRange(cache.Gate.Failures - before, 1, 2 * 10);
        Redis.Resume();
    }

    /// <summary>Whether, within 20 s, a Redis call has failed since <paramref name="before"/> and none is still waiting.</summary>
    private static Task<bool> SettledAsync(RedisRatingCache cache, long before) =>
        Eventually.TrueAsync(() => Task.FromResult(cache.Gate.Failures > before && cache.CallsInFlight == 0), TimeSpan.FromSeconds(20));

    /// <summary>Whether, within 20 s, two reads of one code are answered without the database.</summary>
    private static Task<bool> RedisServesAsync(CacheHarness harness, string region)
    {
        var code = StoredRatings.Code(2, region);
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

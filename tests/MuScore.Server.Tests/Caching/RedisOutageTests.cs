using System.Diagnostics;
using MuScore.Server.Caching;
using MuScore.Server.Reading;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Redis;
using StackExchange.Redis;

namespace MuScore.Server.Tests.Caching;

/// <summary>The cache while its own redis-server is killed and restarted (each test owns one).</summary>
public sealed class RedisOutageTests : IAsyncLifetime, IDisposable
{
    private const int Year = 2024;

    // Short breaker pause so recovery is observed in seconds; the defaults are tested end to end.
    private static readonly Dictionary<string, string?> FastRecovery = new()
    {
        ["MuScore:Redis:BreakDuration"] = "00:00:01",
        ["MuScore:Redis:ReconnectMaxInterval"] = "00:00:00.500",
    };

    private readonly TempDirectory directory = new();
    private RedisServer? redis;

    private RedisServer Redis => redis!;

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await Redis.DisposeAsync();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task GetAsync_RedisKilled_EveryReadIsAnsweredWithoutLongWaits()
    {
        await using var harness = await StartAsync(directory.File("cache.db"), localCache: false);
        var region = Regions.Next();
        await harness.PublishAsync(region, Year, count: 50, tag: 1);
        await ReadAllAsync(harness.Ratings, region, 50);

        Redis.Kill();
        for (var round = 0; round < 4; round++)
        {
            for (var serial = 1; serial <= 50; serial++)
            {
                // Each read carries a 2 s deadline, as a caller's would: a read left waiting on
                // Redis's own 5 s timeouts would be cancelled instead of answered.
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                var lookup = await harness.Ratings.GetAsync(region, StoredRatings.Code(serial, region), Year, deadline.Token);
                Assert.Equal(StoredRatings.Code(serial, region), lookup.Rating?.CreditCode);
            }
        }

        Assert.True(harness.Database.Calls >= 150, $"only {harness.Database.Calls} reads reached the database while Redis was down");
    }

    [Fact]
    public async Task GetAsync_RedisRestarted_CachedPathResumesByItself()
    {
        await using var harness = await StartAsync(directory.File("cache.db"), localCache: false);
        var region = Regions.Next();
        await harness.PublishAsync(region, Year, count: 20, tag: 1);
        await ReadAllAsync(harness.Ratings, region, 20);
        Redis.Kill();
        await ReadAllAsync(harness.Ratings, region, 20);

        await Redis.RestartAsync();
        var code = StoredRatings.Code(9, region);
        var resumed = await Eventually.TrueAsync(
            async () =>
            {
                var before = harness.Database.Calls;
                await harness.Ratings.GetAsync(region, code, Year, CancellationToken.None);
                await harness.Ratings.GetAsync(region, code, Year, CancellationToken.None);
                return harness.Database.Calls - before <= 1;
            },
            TimeSpan.FromSeconds(15));

        Assert.True(resumed, "reads still all went to the database 15 s after Redis came back");
        using var inspector = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        Assert.True(await inspector.GetDatabase().KeyExistsAsync($"muscore:v2:rating:{{{region}:{Year}:1}}:{code}"));
    }

    [Fact]
    public async Task PublishedAsync_RedisDown_OtherInstanceConvergesAndRedisIsToldOnceBack()
    {
        var file = directory.File("shared.db");
        await using var publisher = await StartAsync(file, localCache: true);
        await using var reader = await StartAsync(file, localCache: true);
        var region = Regions.Next();
        await publisher.PublishAsync(region, Year, count: 5, tag: 1);
        var code = StoredRatings.Code(3, region);
        Assert.Equal(1, (await reader.Ratings.GetAsync(region, code, Year, CancellationToken.None)).Rating!.Version);

        Redis.Kill();
        await publisher.PublishAsync(region, Year, count: 5, tag: 2);

        Assert.Equal(2, (await publisher.Ratings.GetAsync(region, code, Year, CancellationToken.None)).Rating!.Version);
        Assert.True(
            await Eventually.VersionAsync(reader.Ratings, region, code, Year, expected: 2, TimeSpan.FromSeconds(1.5)),
            "with Redis down the other instance still served version 1 after the short pointer TTL");

        await Redis.RestartAsync();
        using var inspector = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var told = await Eventually.TrueAsync(
            async () => await inspector.GetDatabase().StringGetAsync($"muscore:v2:pointer:{{{region}:{Year}}}") == "2024:2",
            TimeSpan.FromSeconds(15));
        Assert.True(told, "the publish made while Redis was down never reached Redis after it came back");
    }

    [Fact]
    public async Task StartAsync_RedisDownAtStart_ServesFromTheDatabaseThenSubscribesWhenRedisComes()
    {
        var file = directory.File("shared.db");
        Redis.Kill();
        await using var late = await StartAsync(file, localCache: true);
        var region = Regions.Next();
        await late.PublishAsync(region, Year, count: 5, tag: 1);
        var code = StoredRatings.Code(2, region);
        Assert.Equal(1, (await late.Ratings.GetAsync(region, code, Year, CancellationToken.None)).Rating!.Version);

        await Redis.RestartAsync();
        await using var publisher = await StartAsync(file, localCache: true);
        var subscribed = await Eventually.TrueAsync(
            async () =>
            {
                using var inspector = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
                var listeners = await inspector.GetSubscriber().PublishAsync(RedisChannel.Literal("muscore:v2:published"), "000000:0");
                return listeners >= 2;
            },
            TimeSpan.FromSeconds(15));
        Assert.True(subscribed, "the instance started while Redis was down never subscribed to invalidations");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(late.Get<LocalPointers>().Subscribed), TimeSpan.FromSeconds(5)));
        Assert.Equal(1, (await late.Ratings.GetAsync(region, code, Year, CancellationToken.None)).Rating!.Version);

        await publisher.PublishAsync(region, Year, count: 5, tag: 2);
        Assert.True(
            await Eventually.VersionAsync(late.Ratings, region, code, Year, expected: 2, TimeSpan.FromSeconds(1)),
            "the instance started while Redis was down missed a publish after Redis came back");
    }

    private static async Task ReadAllAsync(IPublishedRatings ratings, string region, int count)
    {
        for (var serial = 1; serial <= count; serial++)
        {
            var lookup = await ratings.GetAsync(region, StoredRatings.Code(serial, region), Year, CancellationToken.None);
            Assert.NotNull(lookup.Rating);
        }
    }

    private Task<CacheHarness> StartAsync(string file, bool localCache) =>
        CacheHarness.StartAsync(file, Redis.ConnectionString, localCache, FastRecovery);
}

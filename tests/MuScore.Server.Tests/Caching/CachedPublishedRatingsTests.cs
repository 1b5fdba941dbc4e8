using MuScore.Server.Caching;
using MuScore.Server.Reading;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using StackExchange.Redis;

namespace MuScore.Server.Tests.Caching;

/// <summary>Reads through the cache against a real SQLite store and a real redis-server.</summary>
public sealed class CachedPublishedRatingsTests(RedisFixture redis) : IClassFixture<RedisFixture>, IDisposable
{
    private const int Year = 2024;

    private readonly TempDirectory directory = new();
    private ConnectionMultiplexer? inspector;

    [Fact]
    public async Task GetAsync_Published_ReturnsTheDatabaseRating()
    {
        await using var harness = await StartAsync();
        var region = Regions.Next();
        await harness.PublishAsync(region, Year, count: 20, tag: 1);
        var code = StoredRatings.Code(5, region);

        var database = await harness.Get<DatabasePublishedRatings>().GetAsync(region, code, Year, CancellationToken.None);
        var cached = await harness.Ratings.GetAsync(region, code, Year, CancellationToken.None);
        var again = await harness.Ratings.GetAsync(region, code, Year, CancellationToken.None);

        Assert.NotNull(database.Rating);
        Assert.Equal(database.Rating, cached.Rating);
        Assert.Equal(database.Rating, again.Rating);
    }

    [Fact]
    public async Task GetAsync_SecondRead_IsServedWithoutTheDatabase()
    {
        await using var harness = await StartAsync();
        var region = Regions.Next();
        await harness.PublishAsync(region, Year, count: 20, tag: 1);
        var code = StoredRatings.Code(7, region);

        var first = await harness.Ratings.GetAsync(region, code, Year, CancellationToken.None);
        var callsAfterFirst = harness.Database.Calls;
        var second = await harness.Ratings.GetAsync(region, code, Year, CancellationToken.None);

        Assert.Equal(1, callsAfterFirst);
        Assert.Equal(1, harness.Database.Calls);
        Assert.Equal(first.Rating, second.Rating);
    }

    [Fact]
    public async Task GetAsync_InProcessCacheOff_SecondReadIsServedFromRedis()
    {
        await using var harness = await StartAsync(localCache: false);
        var region = Regions.Next();
        await harness.PublishAsync(region, Year, count: 20, tag: 1);
        var code = StoredRatings.Code(3, region);

        var first = await harness.Ratings.GetAsync(region, code, Year, CancellationToken.None);
        await harness.RedisSettledAsync();
        var second = await harness.Ratings.GetAsync(region, code, Year, CancellationToken.None);

        Assert.Equal(1, harness.Database.Calls);
        Assert.Equal(first.Rating, second.Rating);
        Assert.True(await Keys().KeyExistsAsync($"muscore:v2:rating:{{{region}:{Year}:1}}:{code}"));
    }

    [Fact]
    public async Task GetAsync_ReadOnAnotherInstanceFirst_IsServedFromRedis()
    {
        var file = directory.File("shared.db");
        await using var one = await StartAsync(file);
        await using var two = await StartAsync(file);
        var region = Regions.Next();
        await one.PublishAsync(region, Year, count: 20, tag: 1);
        var code = StoredRatings.Code(11, region);

        var fromOne = await one.Ratings.GetAsync(region, code, Year, CancellationToken.None);
        await one.RedisSettledAsync();
        var fromTwo = await two.Ratings.GetAsync(region, code, Year, CancellationToken.None);

        Assert.Equal(1, one.Database.Calls);
        Assert.Equal(0, two.Database.Calls);
        Assert.Equal(fromOne.Rating, fromTwo.Rating);
    }

    [Fact]
    public async Task GetAsync_UnknownCode_IsUnknownEnterpriseAndCached()
    {
        await using var harness = await StartAsync();
        var region = Regions.Next();
        await harness.PublishAsync(region, Year, count: 5, tag: 1);
        var unknown = StoredRatings.Code(999, region);

        var first = await harness.Ratings.GetAsync(region, unknown, Year, CancellationToken.None);
        var second = await harness.Ratings.GetAsync(region, unknown, Year, CancellationToken.None);

        Assert.Equal(LookupMiss.UnknownEnterprise, first.Miss);
        Assert.Equal(LookupMiss.UnknownEnterprise, second.Miss);
        Assert.Null(second.Rating);
        Assert.Equal(1, harness.Database.Calls);
    }

    [Fact]
    public async Task GetAsync_NothingPublished_MissesWithoutReadingRatings()
    {
        await using var harness = await StartAsync();

        var lookup = await harness.Ratings.GetAsync(Regions.Next(), StoredRatings.Code(1, "330106"), Year, CancellationToken.None);

        Assert.Equal(LookupMiss.NothingPublished, lookup.Miss);
        Assert.Equal(0, harness.Database.Calls);
    }

    [Fact]
    public async Task GetAsync_NoYear_ServesTheLatestPublishedYear()
    {
        await using var harness = await StartAsync();
        var region = Regions.Next();
        await harness.PublishAsync(region, 2024, count: 5, tag: 1);
        await harness.PublishAsync(region, 2023, count: 5, tag: 2);

        var lookup = await harness.Ratings.GetAsync(region, StoredRatings.Code(2, region), null, CancellationToken.None);

        Assert.Equal(2024, lookup.Rating!.Year);
    }

    [Fact]
    public async Task GetManyAsync_MixedBatch_AnswersInRequestOrderAndCachesEveryAnswer()
    {
        await using var harness = await StartAsync();
        var region = Regions.Next();
        await harness.PublishAsync(region, Year, count: 10, tag: 1);
        string[] codes = [StoredRatings.Code(3, region), StoredRatings.Code(500, region), StoredRatings.Code(1, region), StoredRatings.Code(3, region)];

        var first = await harness.Ratings.GetManyAsync(region, codes, Year, CancellationToken.None);
        var second = await harness.Ratings.GetManyAsync(region, codes, Year, CancellationToken.None);

        Assert.Equal([codes[0], null, codes[2], codes[3]], first.Select(l => l.Rating?.CreditCode));
        Assert.Equal(LookupMiss.UnknownEnterprise, first[1].Miss);
        Assert.Equal(first, second);
        Assert.Equal(1, harness.Database.Calls);
    }

    [Fact]
    public async Task GetManyAsync_ThousandCodesWithoutLocalCache_ServedFromRedisNotTheDatabase()
    {
        // Speed of this path is measured by the load benchmark (bench/), not asserted here.
        await using var harness = await StartAsync(localCache: false);
        var region = Regions.Next();
        await harness.PublishAsync(region, Year, count: 1_000, tag: 1);
        var codes = Enumerable.Range(1, 1_000).Select(serial => StoredRatings.Code(serial, region)).ToArray();
        await harness.Ratings.GetManyAsync(region, codes, Year, CancellationToken.None);
        await harness.RedisSettledAsync();

        for (var i = 0; i < 5; i++)
        {
            var lookups = await harness.Ratings.GetManyAsync(region, codes, Year, CancellationToken.None);
            Assert.All(lookups, lookup => Assert.NotNull(lookup.Rating));
        }

        Assert.Equal(1, harness.Database.Calls);
    }

    [Fact]
    public async Task PublishedAsync_NewVersion_IsServedAtOnceOnThePublisher()
    {
        await using var harness = await StartAsync();
        var region = Regions.Next();
        await harness.PublishAsync(region, Year, count: 5, tag: 1);
        var code = StoredRatings.Code(2, region);
        var before = await harness.Ratings.GetAsync(region, code, Year, CancellationToken.None);
        var latestBefore = await harness.Ratings.GetAsync(region, code, null, CancellationToken.None);

        await harness.PublishAsync(region, Year, count: 5, tag: 2);
        var after = await harness.Ratings.GetAsync(region, code, Year, CancellationToken.None);
        var latestAfter = await harness.Ratings.GetAsync(region, code, null, CancellationToken.None);

        Assert.Equal(1, before.Rating!.Version);
        Assert.Equal(1, latestBefore.Rating!.Version);
        Assert.Equal(2, after.Rating!.Version);
        Assert.Equal(2, latestAfter.Rating!.Version);
        Assert.NotEqual(before.Rating.TotalScore, after.Rating.TotalScore);
    }

    [Fact]
    public async Task PublishedAsync_NewVersion_ReachesAnotherInstanceWithinOneSecond()
    {
        var file = directory.File("shared.db");
        await using var publisher = await StartAsync(file);
        await using var reader = await StartAsync(file);
        var region = Regions.Next();
        await publisher.PublishAsync(region, Year, count: 5, tag: 1);
        var code = StoredRatings.Code(4, region);

        // Subscribed, the reader keeps pointers 10 s: only the invalidation message can make it see v2 in time.
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(reader.Get<LocalPointers>().Subscribed), TimeSpan.FromSeconds(5)));
        Assert.Equal(1, (await reader.Ratings.GetAsync(region, code, Year, CancellationToken.None)).Rating!.Version);
        Assert.Equal(1, (await reader.Ratings.GetAsync(region, code, Year, CancellationToken.None)).Rating!.Version);

        await publisher.PublishAsync(region, Year, count: 5, tag: 2);
        var seen = await Eventually.VersionAsync(reader.Ratings, region, code, Year, expected: 2, TimeSpan.FromSeconds(1));

        Assert.True(seen, "the other instance still served version 1 a second after the publish");
    }

    [Fact]
    public async Task PublishedAsync_WithoutRedis_AnotherInstanceConvergesWithinTheShortPointerTtl()
    {
        var file = directory.File("shared.db");
        await using var publisher = await CacheHarness.StartAsync(file, redis: null);
        await using var reader = await CacheHarness.StartAsync(file, redis: null);
        var region = Regions.Next();
        await publisher.PublishAsync(region, Year, count: 5, tag: 1);
        var code = StoredRatings.Code(4, region);
        Assert.Equal(1, (await reader.Ratings.GetAsync(region, code, Year, CancellationToken.None)).Rating!.Version);

        await publisher.PublishAsync(region, Year, count: 5, tag: 2);
        // Three times the 1 s TTL: a loaded machine may take seconds between reads, yet a pointer kept
        // the subscribed 10 s (the bug this guards against) would still fail.
        var seen = await Eventually.VersionAsync(reader.Ratings, region, code, Year, expected: 2, TimeSpan.FromSeconds(3));

        Assert.True(seen, "without Redis the other instance still served version 1 after the 1 s pointer TTL");
    }

    public void Dispose()
    {
        inspector?.Dispose();
        directory.Dispose();
    }

    // Generous Redis timeouts: these tests count where each read is served from, and on a loaded
    // machine a GET past the default 250 ms would shut the Redis gate and send the read to the
    // database by design (RedisPauseTests and RedisResilienceTests cover that path).
    private static readonly Dictionary<string, string?> PatientRedis = new(StringComparer.OrdinalIgnoreCase)
    {
        ["MuScore:Redis:CommandTimeout"] = "00:00:05",
        ["MuScore:Redis:OperationTimeout"] = "00:00:06",
    };

    private Task<CacheHarness> StartAsync(string? file = null, bool localCache = true) =>
        CacheHarness.StartAsync(file ?? directory.File("cache.db"), redis.Server.ConnectionString, localCache, PatientRedis);

    private IDatabase Keys() => (inspector ??= ConnectionMultiplexer.Connect(redis.Server.ConnectionString)).GetDatabase();
}

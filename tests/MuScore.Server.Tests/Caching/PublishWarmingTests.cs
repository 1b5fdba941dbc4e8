using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Caching;
using MuScore.Server.Options;
using MuScore.Server.Reading;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Postgres;
using MuScore.TestSupport.Redis;
using MuScore.TestSupport.Server;
using Npgsql;
using StackExchange.Redis;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace MuScore.Server.Tests.Caching;

/// <summary>
/// Warm on publish, end to end: two real servers on one PostgreSQL database and one redis-server
/// (each test owns both), warming on as configured by default. Nothing is read before the
/// assertions on the caches, so whatever they hold was put there by warming.
/// </summary>
public sealed class PublishWarmingTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private const int Year = 2024;
    private const int Count = 60;

    private CapturedLogs? secondLogs;
    private RedisServer? redis;
    private ServerInstance? first;
    private ServerInstance? second;
    private string database = string.Empty;
    private string region = string.Empty;
    private List<EnterpriseRecord> records = [];

    private RedisServer Redis => redis!;

    private ServerInstance First => first!;

    private ServerInstance Second => second!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        database = await postgres.CreateDatabaseAsync(PostgresServer.UniqueDatabaseName("warm"));
        first = await ServerInstance.StartAsync(ServerSettings.Postgres(database) with { RedisConnectionString = Redis.ConnectionString });
        region = Regions.Next();
        records = Records.Sample(region, Year, Count);
    }

    public async Task DisposeAsync()
    {
        if (second is not null)
        {
            await second.DisposeAsync();
        }

        await First.DisposeAsync();
        await Redis.DisposeAsync();
    }

    [Fact]
    public async Task PublishRun_EveryRatingReachesRedisAndTheOtherInstanceCacheBeforeAnyRead()
    {
        await StartSecondAsync(new Dictionary<string, string?>());
        var (_, publication) = await Runs.PublishAsync(First.Evaluation, Runs.Header(region, Year), records);
        var keys = records.ConvertAll(r => new RatingKey(region, Year, publication.Version, r.CreditCode));

        using var inspector = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var redisKeys = new RedisKeys(new RedisOptions().KeyPrefix);
        var inRedis = await Eventually.TrueAsync(
            async () => await inspector.GetDatabase().KeyExistsAsync([.. keys.ConvertAll(redisKeys.Rating)]) == Count,
            TimeSpan.FromSeconds(20));
        Assert.True(inRedis, "the publisher did not write every rating of the new version to Redis");
        // The region is recorded only after the last rating is written, so it may land just after the count is complete.
        var recorded = await Eventually.TrueAsync(
            async () => await inspector.GetDatabase().SetContainsAsync(redisKeys.PublishedRegions, region),
            TimeSpan.FromSeconds(20));
        Assert.True(recorded, "the publisher did not record the region as published after writing its ratings");

        var cache = Second.Services.GetRequiredService<ClockCache<RatingKey, RatingLookup>>();
        var warmed = await Eventually.TrueAsync(() => Task.FromResult(keys.TrueForAll(k => cache.TryGet(k, out _))), TimeSpan.FromSeconds(20));
        Assert.True(warmed, "instance 2 did not load the publication into its in-process cache after the invalidation message");

        // What was loaded is what the database reader answers, field for field.
        var database = Second.Services.GetRequiredService<DatabasePublishedRatings>();
        foreach (var key in keys)
        {
            cache.TryGet(key, out var cached);
            var read = await database.GetAsync(region, key.CreditCode, Year, CancellationToken.None);
            Assert.Equal(read.Rating, cached.Rating);
        }

        // The pointer came with the ratings: instance 2's first read needs no I/O.
        Assert.True(Second.Services.GetRequiredService<LocalPointers>().TryGet(new PointerKey(region, Year), out var pointer));
        Assert.Equal(new PublicationPointer(Year, publication.Version), pointer);
    }

    [Fact]
    public async Task PublishRun_BiggerThanTheWarmShare_LoadsOnlyTheShareOfTheSizeLimit()
    {
        // 40 in process, half of it for one warm pass: 20 of the 60 ratings.
        await StartSecondAsync(new Dictionary<string, string?> { ["MuScore:Cache:SizeLimit"] = "40" });
        var (_, publication) = await Runs.PublishAsync(First.Evaluation, Runs.Header(region, Year), records);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(secondLogs!.Named("PublicationWarmed").Count > 0), TimeSpan.FromSeconds(20)));
        var cache = Second.Services.GetRequiredService<ClockCache<RatingKey, RatingLookup>>();
        var loaded = records.Count(r => cache.TryGet(new RatingKey(region, Year, publication.Version, r.CreditCode), out _));
        Assert.Equal(20, loaded);
        Assert.True(cache.Count <= 40);
        Assert.Contains("20 ratings in process, 0 written to Redis", secondLogs!.Named("PublicationWarmed")[0].Message, StringComparison.Ordinal);

        // The publisher still wrote all of them: the rest come from Redis on first read.
        using var inspector = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var redisKeys = new RedisKeys(new RedisOptions().KeyPrefix);
        var keys = records.ConvertAll(r => redisKeys.Rating(new RatingKey(region, Year, publication.Version, r.CreditCode)));
        Assert.True(await Eventually.TrueAsync(async () => await inspector.GetDatabase().KeyExistsAsync([.. keys]) == Count, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Restart_WhileWarmingCannotReadTheRatings_ReportsNotServingUntilItHas()
    {
        var (_, publication) = await Runs.PublishAsync(First.Evaluation, Runs.Header(region, Year), records);
        using var inspector = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var regions = new RedisKeys(new RedisOptions().KeyPrefix).PublishedRegions;
        Assert.True(await Eventually.TrueAsync(async () => await inspector.GetDatabase().SetContainsAsync(regions, region), TimeSpan.FromSeconds(20)));

        // Holding the ratings table locked stops start-up warming at its read, for as long as the test decides.
        await using var blocker = new NpgsqlConnection(database);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE ratings IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        await First.RestartAsync();
        var cache = First.Services.GetRequiredService<ClockCache<RatingKey, RatingLookup>>();
        foreach (var service in new[] { string.Empty, "muscore.v1.RatingService", "muscore.v1.EvaluationService" })
        {
            Assert.Equal(ServingStatus.NotServing, (await First.Health.CheckAsync(new HealthCheckRequest { Service = service })).Status);
        }

        Assert.Equal(0, cache.Count);
        await transaction.RollbackAsync();

        var keys = records.ConvertAll(r => new RatingKey(region, Year, publication.Version, r.CreditCode));
        var serving = await Eventually.TrueAsync(
            async () => (await First.Health.CheckAsync(new HealthCheckRequest())).Status == ServingStatus.Serving,
            TimeSpan.FromSeconds(30));
        Assert.True(serving, "the restarted server never reported SERVING after its warming could read");
        Assert.True(keys.TrueForAll(k => cache.TryGet(k, out _)), "SERVING before the publication was in the in-process cache");
    }

    private async Task StartSecondAsync(Dictionary<string, string?> configuration)
    {
        configuration["Logging:LogLevel:" + CacheLog.Category] = "Information";
        second = await ServerInstance.StartAsync(ServerSettings.Postgres(database) with
        {
            RedisConnectionString = Redis.ConnectionString,
            Configuration = configuration,
        });
        secondLogs = CapturedLogs.Of(Second);

        // Subscribed before the publish, or the invalidation message (the trigger) could be missed.
        var pointers = Second.Services.GetRequiredService<LocalPointers>();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(pointers.Subscribed), TimeSpan.FromSeconds(10)));
    }
}

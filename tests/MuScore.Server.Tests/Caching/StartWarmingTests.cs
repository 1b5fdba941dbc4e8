using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Caching;
using MuScore.Server.Options;
using MuScore.Server.Reading;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Redis;
using MuScore.TestSupport.Server;
using StackExchange.Redis;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace MuScore.Server.Tests.Caching;

/// <summary>
/// Warm on start: a real server on SQLite and a real redis-server, restarted after a publish. Its
/// health is read from the moment it listens; the first SERVING must find the cache already warm.
/// </summary>
public sealed class StartWarmingTests : IAsyncLifetime
{
    private const int Year = 2023;
    private const int Count = 80;

    private RedisServer? redis;
    private ServerInstance? server;
    private string region = string.Empty;
    private List<EnterpriseRecord> records = [];

    private ServerInstance Server => server!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        server = await ServerInstance.StartAsync(new ServerSettings
        {
            RedisConnectionString = redis.ConnectionString,
        });
        region = Regions.Next();
        records = Records.Sample(region, Year, Count);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await redis!.DisposeAsync();
    }

    [Fact]
    public async Task Restart_ReportsServingOnlyOnceWarm_AndTheFirstReadsNeedNoIo()
    {
        var (_, publication) = await Runs.PublishAsync(Server.Evaluation, Runs.Header(region, Year), records);
        using var inspector = await ConnectionMultiplexer.ConnectAsync(redis!.ConnectionString);
        var regions = new RedisKeys(new RedisOptions().KeyPrefix).PublishedRegions;
        Assert.True(await Eventually.TrueAsync(async () => await inspector.GetDatabase().SetContainsAsync(regions, region), TimeSpan.FromSeconds(20)));

        await Server.RestartAsync();
        var cache = Server.Services.GetRequiredService<ClockCache<RatingKey, RatingLookup>>();
        var pointers = Server.Services.GetRequiredService<LocalPointers>();
        var keys = records.ConvertAll(r => new RatingKey(region, Year, publication.Version, r.CreditCode));

        // Read health as fast as it answers; whatever the timing, SERVING must come after the load.
        var serving = await Eventually.TrueAsync(
            async () =>
            {
                var status = (await Server.Health.CheckAsync(new HealthCheckRequest { Service = "muscore.v1.RatingService" })).Status;
                if (status != ServingStatus.Serving)
                {
                    return false;
                }

                Assert.True(keys.TrueForAll(k => cache.TryGet(k, out _)), "SERVING before the publication was in the in-process cache");
                return true;
            },
            TimeSpan.FromSeconds(30));
        Assert.True(serving, "the restarted server never reported SERVING");
        Assert.Equal(ServingStatus.Serving, (await Server.Health.CheckAsync(new HealthCheckRequest())).Status);

        // The pointers came too (the year and "latest"): a first read is answered from process memory.
        Assert.True(pointers.TryGet(new PointerKey(region, 0), out var latest));
        Assert.True(pointers.TryGet(new PointerKey(region, Year), out var forYear));
        Assert.Equal(new PublicationPointer(Year, publication.Version), latest);
        Assert.Equal(latest, forYear);

        var rating = (await Server.Ratings.GetRatingAsync(new GetRatingRequest { Region = region, CreditCode = records[3].CreditCode })).Rating;
        cache.TryGet(keys[3], out var cached);
        Assert.Equal(cached.Rating, rating);
    }
}

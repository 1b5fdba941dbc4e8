using MuScore.Contracts.V1;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Redis;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Telemetry;

/// <summary>
/// Redis's up gauge, breaker gauge and failure counter follow a real redis-server killed and
/// restarted under reads (each test owns its redis-server).
/// </summary>
public sealed class DependencyGaugeTests : IAsyncLifetime, IDisposable
{
    private const int Year = 2024;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory directory = new();
    private RedisServer? redis;

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await redis!.DisposeAsync();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Scrape_RedisKilledThenRestarted_DownAndBreakerOpenThenUpAndClosed()
    {
        await using var server = await ServerInstance.StartAsync(new ServerSettings
        {
            SqliteFile = directory.File("g.db"),
            RedisConnectionString = redis!.ConnectionString,

            // Every read asks Redis; a short break so the breaker's probe comes within the test.
            CacheEnabled = false,
            Configuration = new Dictionary<string, string?>
            {
                ["MuScore:Redis:BreakDuration"] = "00:00:01",
                ["MuScore:Redis:ReconnectMaxInterval"] = "00:00:00.500",
            },
        });
        var region = Regions.Next();
        await Runs.PublishAsync(server.Evaluation, Runs.Header(region, Year), Records.Sample(region, Year));
        var request = new GetRatingRequest { Region = region, CreditCode = CoreRatings.Rate(region, Year).Keys.First(), Year = Year };
        await server.Ratings.GetRatingAsync(request);
        await SettledAsync(server, s => Redis(s, "muscore_dependency_up") == 1 && Redis(s, "muscore_redis_breaker_state") == 0, "Redis up, breaker closed");

        redis.Kill();
        await SettledAsync(
            server,
            async s =>
            {
                // Reads keep being answered (from the database) while they drive the breaker open.
                await server.Ratings.GetRatingAsync(request);
                return Redis(s, "muscore_dependency_up") == 0 && Redis(s, "muscore_redis_breaker_state") == 1;
            },
            "Redis down, breaker open");
        var failures = (await PrometheusScrape.ReadAsync(server.MetricsAddress)).Sum("muscore_dependency_failures_total", ("muscore_dependency", "redis"));
        Assert.True(failures >= 1, $"{failures} Redis failures counted");

        await redis.RestartAsync();
        await SettledAsync(
            server,
            async s =>
            {
                await server.Ratings.GetRatingAsync(request);
                return Redis(s, "muscore_dependency_up") == 1 && Redis(s, "muscore_redis_breaker_state") == 0;
            },
            "Redis up again, breaker closed");
    }

    private static double Redis(PrometheusScrape scrape, string name) =>
        scrape.Has(name) ? scrape.Sum(name, name == "muscore_dependency_up" ? [("muscore_dependency", "redis")] : []) : double.NaN;

    private static Task SettledAsync(ServerInstance server, Func<PrometheusScrape, bool> done, string what) =>
        SettledAsync(server, s => Task.FromResult(done(s)), what);

    private static async Task SettledAsync(ServerInstance server, Func<PrometheusScrape, Task<bool>> done, string what)
    {
        PrometheusScrape? last = null;
        var settled = await Eventually.TrueAsync(
            async () =>
            {
                last = await PrometheusScrape.ReadAsync(server.MetricsAddress);
                return await done(last);
            },
            Patience);
        Assert.True(settled, $"never saw {what}:\n{last?.Text}");
    }
}

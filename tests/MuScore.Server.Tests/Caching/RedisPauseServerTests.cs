using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Caching;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Redis;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Caching;

/// <summary>
/// The real server over a real socket while its redis-server is frozen with SIGSTOP under
/// concurrent GetRating calls: every call answers, and after the calls in flight when Redis froze,
/// none waits on Redis. The 5 s deadline per call only detects a hang; costs are counted, not timed.
/// </summary>
public sealed class RedisPauseServerTests : IAsyncLifetime, IDisposable
{
    private const int Year = 2024;
    private const int Concurrent = 40;

    private readonly TempDirectory directory = new();
    private RedisServer? redis;

    private RedisServer Redis => redis!;

    public async Task InitializeAsync() => redis = await RedisServer.StartAsync();

    // SIGKILL ends a frozen server too.
    public async Task DisposeAsync() => await Redis.DisposeAsync();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task GetRating_RedisPausedUnderConcurrentCalls_NoErrors_GateSkipsRedis_ThenRedisServesAfterResume()
    {
        await using var server = await ServerInstance.StartAsync(ServerSettings.Sqlite(directory.File("pause.db")) with
        {
            RedisConnectionString = Redis.ConnectionString,
            CacheEnabled = false,
            Configuration = new Dictionary<string, string?>
            {
                ["MuScore:Redis:BreakDuration"] = "00:00:01",
                ["MuScore:Redis:ReconnectMaxInterval"] = "00:00:00.500",
            },
        });
        var region = Regions.Next();
        var records = Records.Sample(region, Year, count: 10);
        await Runs.PublishAsync(server.Evaluation, Runs.Header(region, Year), records);
        var cache = server.Services.GetRequiredService<SharedRedis>().Cache!;
        Assert.True(await ServedByRedisAsync(server, cache, region, records), "Redis never served the warm reads");
        var before = cache.Gate.Failures;

        Redis.Pause();
        await BurstAsync(server, region, records);
        var settled = await Eventually.TrueAsync(() => Task.FromResult(cache.Gate.Failures > before && cache.CallsInFlight == 0), TimeSpan.FromSeconds(20));
        Assert.True(settled, "no Redis call failed, or calls were still in flight 20 s after the burst");
        var failures = cache.Gate.Failures;

        // Three more bursts while Redis stays frozen: none of their calls reaches Redis, however many trials run meanwhile.
        for (var round = 0; round < 3; round++)
        {
            await BurstAsync(server, region, records);
        }

        Assert.Equal(failures, cache.Gate.Failures);

        Redis.Resume();
        Assert.True(await ServedByRedisAsync(server, cache, region, records), "reads still skipped Redis 20 s after it was resumed");
    }

    /// <summary>Whether, within 20 s, a read is answered without the gate skipping Redis.</summary>
    private static Task<bool> ServedByRedisAsync(ServerInstance server, RedisRatingCache cache, string region, List<EnterpriseRecord> records) =>
        Eventually.TrueAsync(
            async () =>
            {
                var skips = cache.Gate.Skips;
                var failures = cache.Gate.Failures;
                await BurstAsync(server, region, records);
                return cache.Gate.Skips == skips && cache.Gate.Failures == failures;
            },
            TimeSpan.FromSeconds(20));

    private static async Task BurstAsync(ServerInstance server, string region, List<EnterpriseRecord> records)
    {
        var calls = Enumerable.Range(0, Concurrent).Select(async i =>
        {
            var record = records[i % records.Count];
            var answer = await server.Ratings.GetRatingAsync(
                new GetRatingRequest { CreditCode = record.CreditCode, Region = region, Year = Year },
                deadline: DateTime.UtcNow.AddSeconds(5));
            return (record.CreditCode, Answered: answer.Rating.CreditCode);
        });
        foreach (var (expected, answered) in await Task.WhenAll(calls))
        {
            Assert.Equal(expected, answered);
        }
    }
}

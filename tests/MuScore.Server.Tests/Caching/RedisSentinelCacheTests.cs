using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Redis;
using static MuScore.Server.Tests.Caching.Support.TwoServersOnRedis;

namespace MuScore.Server.Tests.Caching;

/// <summary>
/// End to end on a real Sentinel-managed Redis (master, replica, sentinel), connected through the
/// sentinel by service name: reads are answered by the master, and after a SENTINEL FAILOVER reads
/// and publishes go to the new master without restarting either server.
/// </summary>
public sealed class RedisSentinelCacheTests : IAsyncLifetime
{
    private RedisSentinelSet? sentinel;
    private TwoServersOnRedis? servers;

    private RedisSentinelSet Sentinel => sentinel!;

    private TwoServersOnRedis Servers => servers!;

    public async Task InitializeAsync()
    {
        sentinel = await RedisSentinelSet.StartAsync();
        servers = await TwoServersOnRedis.StartAsync(Sentinel.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Servers.DisposeAsync();
        await Sentinel.DisposeAsync();
    }

    [Fact]
    public async Task SentinelFailover_ReadsAndInvalidationMoveToTheNewMaster()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, Year, count: 40);
        await Runs.PublishAsync(Servers.First.Evaluation, Runs.Header(region, Year), records);
        var codes = records.ConvertAll(record => record.CreditCode);
        var master = await Sentinel.MasterAsync();
        Assert.True(await Servers.AnsweredByRedisAsync(() => Servers.BatchOnSecondAsync(region, codes), codes.Count, () => [master]), "batch reads were not answered by the sentinel's master");

        var promoted = await Sentinel.FailoverAsync();
        Assert.NotEqual(master, promoted);

        // Every call is answered while the client moves; then the new master answers the reads.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(codes[i], (await GetAsync(Servers.Second, region, codes[i], DateTime.UtcNow.AddSeconds(5))).CreditCode);
        }

        var moved = await Servers.AnsweredByRedisAsync(() => Servers.BatchOnSecondAsync(region, codes), codes.Count, () => [promoted]);
        Assert.True(moved, $"30 s after the failover batch reads were not answered by the new master; the cache log:\n{Servers.SecondCacheLog()}");

        // A publish still reaches the other instance (through the new master) well before its 10 s pointers expire.
        Assert.True(await Servers.SecondSubscribedAsync(TimeSpan.FromSeconds(30)), "the second instance did not subscribe again after the failover");
        Assert.True(await Servers.SecondHearsTheChannelAsync(promoted.EndPoint, TimeSpan.FromSeconds(30)), $"no message on the new master's channel reached instance 2 for 30 s after the failover; its cache log:\n{Servers.SecondCacheLog()}");
        var revised = records.ConvertAll(record => record.Clone());
        revised[0].Tax = "987.65";
        await Runs.PublishAsync(Servers.First.Evaluation, Runs.Header(region, Year), revised);
        var seen = await Eventually.TrueAsync(async () => (await GetAsync(Servers.Second, region, codes[5])).Version == 2, TimeSpan.FromSeconds(3));

        Assert.True(seen, $"after the failover instance 2 still served version 1 three seconds after the publish was acknowledged; its cache log:\n{Servers.SecondCacheLog()}");
    }
}

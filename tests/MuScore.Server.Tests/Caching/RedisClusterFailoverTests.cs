using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Redis;
using static MuScore.Server.Tests.Caching.Support.TwoServersOnRedis;

namespace MuScore.Server.Tests.Caching;

/// <summary>
/// A master of a real Redis Cluster (three masters, one replica each) is killed and its replica
/// takes over: every read is still answered, Redis answers reads again, and publishes still reach
/// the other instance, without restarting either server.
/// </summary>
public sealed class RedisClusterFailoverTests : IAsyncLifetime
{
    private RedisCluster? cluster;
    private TwoServersOnRedis? servers;

    private RedisCluster Cluster => cluster!;

    private TwoServersOnRedis Servers => servers!;

    public async Task InitializeAsync()
    {
        cluster = await RedisCluster.StartAsync(masters: 3, replicasPerMaster: 1);
        servers = await TwoServersOnRedis.StartAsync(Cluster.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Servers.DisposeAsync();
        await Cluster.DisposeAsync();
    }

    [Fact]
    public async Task MasterKilled_ReplicaTakesOver_ReadsAndInvalidationKeepWorking()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, Year, count: 40);
        await Runs.PublishAsync(Servers.First.Evaluation, Runs.Header(region, Year), records);
        var codes = records.ConvertAll(record => record.CreditCode);
        await Servers.BatchOnSecondAsync(region, codes);
        Assert.True(await Servers.SecondSubscribedAsync(TimeSpan.FromSeconds(10)), "the second instance never trusted its subscription");

        // The master of the invalidation channel's slot, so the client's subscription loses its node too.
        var victim = await Cluster.MasterOfAsync("muscore:v2:published") ?? throw new InvalidOperationException("no master for the channel's slot");
        victim.Kill();

        // Until the replica is promoted (node timeout 2 s) every call must still be answered; the 5 s deadline
        // is a hang detector, wide enough for a loaded CI machine, not a latency bound.
        var settled = Cluster.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        var calls = 0;
        while (!settled.IsCompleted || calls == 0)
        {
            var code = codes[calls++ % codes.Count];
            Assert.Equal(code, (await GetAsync(Servers.Second, region, code, DateTime.UtcNow.AddSeconds(5))).CreditCode);
            await Servers.BatchOnSecondAsync(region, codes.Take(10), DateTime.UtcNow.AddSeconds(5));
        }

        Assert.True(await settled, $"the cluster did not fail over:\n{await Cluster.DescribeAsync()}");

        // Reads are answered by Redis again: a batch with no fall back and a hit per key.
        var servedByRedis = await Servers.AnsweredByRedisAsync(() => Servers.BatchOnSecondAsync(region, codes), codes.Count, () => Cluster.Nodes);
        Assert.True(servedByRedis, "30 s after the failover batch reads still fell back to the database");

        // And a publish still reaches the other instance well before its 10 s pointers expire.
        Assert.True(await Servers.SecondSubscribedAsync(TimeSpan.FromSeconds(30)), "the second instance did not subscribe again after the failover");

        Assert.True(await Servers.SecondHearsTheChannelAsync(Cluster.ConnectionString, TimeSpan.FromSeconds(30)), $"no message on the channel reached instance 2 for 30 s after the failover; its cache log:\n{Servers.SecondCacheLog()}");
        var revised = records.ConvertAll(record => record.Clone());
        revised[0].Tax = "987.65";
        await Runs.PublishAsync(Servers.First.Evaluation, Runs.Header(region, Year), revised);
        var seen = await Eventually.TrueAsync(async () => (await GetAsync(Servers.Second, region, codes[5])).Version == 2, TimeSpan.FromSeconds(3));

        Assert.True(seen, $"after the failover instance 2 still served version 1 three seconds after the publish was acknowledged; its cache log:\n{Servers.SecondCacheLog()}");
    }
}

using MuScore.TestSupport.Redis;

namespace MuScore.Server.Tests.Caching.Support;

/// <summary>One real three-master Redis Cluster shared by the tests of a class (tests keep apart by region).</summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    private RedisCluster? cluster;

    public RedisCluster Cluster => cluster ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => cluster = await RedisCluster.StartAsync(masters: 3);

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}

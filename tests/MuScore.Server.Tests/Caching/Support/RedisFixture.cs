using MuScore.TestSupport.Redis;

namespace MuScore.Server.Tests.Caching.Support;

/// <summary>One real redis-server shared by the tests of a class (tests keep apart by region).</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? server;

    public RedisServer Server => server ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => server = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

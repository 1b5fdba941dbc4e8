using MuScore.Server.Caching;
using MuScore.Server.Options;
using StackExchange.Redis;

namespace MuScore.Server.Tests.Caching;

public sealed class RedisConnectionTests
{
    [Fact]
    public void Configure_ConnectionStringWithClientDefaults_OverridesThemWithFailFastSettings()
    {
        var redis = new RedisOptions { ConnectionString = "127.0.0.1:6390,abortConnect=true,syncTimeout=5000,asyncTimeout=5000,connectTimeout=5000" };

        var configuration = RedisConnection.Configure(redis, new RedisResilienceOptions());

        Assert.False(configuration.AbortOnConnectFail);
        Assert.Same(BacklogPolicy.FailFast, configuration.BacklogPolicy);
        Assert.Equal(300, configuration.ConnectTimeout);
        Assert.Equal(300, configuration.SyncTimeout);
        Assert.Equal(300, configuration.AsyncTimeout);
        Assert.Equal("127.0.0.1:6390", Assert.Single(configuration.EndPoints).ToString());
    }

    [Fact]
    public void Configure_ReconnectPolicy_NeverWaitsLongerThanTheConfiguredMaximum()
    {
        var redis = new RedisOptions { ConnectionString = "127.0.0.1:6390" };

        var configuration = RedisConnection.Configure(redis, new RedisResilienceOptions { ReconnectMaxInterval = TimeSpan.FromSeconds(2) });

        // ShouldRetry(failures, ms since last retry): a long outage must still be retried every 2 s.
        Assert.True(configuration.ReconnectRetryPolicy!.ShouldRetry(50, 2_000));
    }

    [Fact]
    public async Task Connect_RedisDown_StartsDisconnectedAndFailsFast()
    {
        var redis = new RedisOptions { ConnectionString = "127.0.0.1:1" };
        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(RedisConnection.Configure(redis, new RedisResilienceOptions()));

        // abortConnect=false: the server starts with Redis down. FailFast backlog: a call while
        // disconnected is refused at once (RedisConnectionException), not queued until a timeout
        // (which would be a RedisTimeoutException).
        Assert.False(multiplexer.IsConnected);
        await Assert.ThrowsAsync<RedisConnectionException>(() => multiplexer.GetDatabase().StringGetAsync("k"));
    }
}

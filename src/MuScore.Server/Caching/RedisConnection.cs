using MuScore.Server.Options;
using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>
/// The settings of the one <see cref="ConnectionMultiplexer"/>. The client's defaults (5 s timeouts,
/// commands queued while disconnected) make every request wait seconds while Redis is down or hung
/// (measured: about 6 s per request), so these override whatever the connection string says.
/// </summary>
internal static class RedisConnection
{
    public static ConfigurationOptions Configure(RedisOptions redis, RedisResilienceOptions resilience)
    {
        var configuration = ConfigurationOptions.Parse(redis.ConnectionString!);
        var timeout = checked((int)redis.OperationTimeout.TotalMilliseconds);
        configuration.ConnectTimeout = timeout;
        configuration.SyncTimeout = timeout;
        configuration.AsyncTimeout = timeout;

        // Start (and keep running) while Redis is down; reconnect in the background.
        configuration.AbortOnConnectFail = false;

        // Fail at once while disconnected instead of queueing: the caller falls back to the database.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        var longestPause = Math.Max(timeout, checked((int)resilience.ReconnectMaxInterval.TotalMilliseconds));
        configuration.ReconnectRetryPolicy = new ExponentialRetry(timeout, longestPause);
        configuration.ClientName ??= "muscore";
        return configuration;
    }
}

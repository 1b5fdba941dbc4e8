using System.Diagnostics.Metrics;
using MuScore.Server.Caching;
using MuScore.Server.Diagnostics;

namespace MuScore.Server.Telemetry;

/// <summary>
/// The observable gauges, read at each scrape or export: whether Redis and the database answered
/// last time (<see cref="DependencyHealth"/>) and the Redis breaker's state. Redis's are reported
/// only when Redis is configured, so "no Redis" never looks like "Redis down".
/// </summary>
internal sealed class ServerGauges
{
    private static readonly KeyValuePair<string, object?>[] RedisTags = [new("muscore.dependency", "redis")];
    private static readonly KeyValuePair<string, object?>[] DatabaseTags = [new("muscore.dependency", "database")];

    public ServerGauges(ServerMetrics metrics, DependencyHealth dependencies, SharedRedis redis, RedisBreakerState breaker)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var configured = redis.Multiplexer is not null;
        metrics.Meter.CreateObservableGauge(
            "muscore.dependency.up",
            () => Up(dependencies, configured),
            "{state}",
            "1 when the dependency (redis, database) answered the last call made to it, 0 while it is down.");
        metrics.Meter.CreateObservableGauge(
            "muscore.redis.breaker.state",
            () => configured ? [new Measurement<int>(BreakerState(redis, breaker))] : Array.Empty<Measurement<int>>(),
            "{state}",
            "The Redis breaker: 0 closed, 1 open or half-open (the fast-fail gate or the Polly breaker refuses Redis calls; reads go to the database).");
    }

    // The gate shuts on the first failure, usually long before Polly's breaker has seen enough calls
    // to open; either one refusing calls is what an operator means by "the breaker is open".
    private static int BreakerState(SharedRedis redis, RedisBreakerState breaker) =>
        redis.Cache?.Gate.IsShut == true ? 1 : breaker.Current;

    private static Measurement<int>[] Up(DependencyHealth dependencies, bool redisConfigured)
    {
        var database = new Measurement<int>(dependencies.IsDown(DependencyHealth.Database) ? 0 : 1, DatabaseTags);
        return redisConfigured
            ? [database, new Measurement<int>(dependencies.IsDown(DependencyHealth.Redis) ? 0 : 1, RedisTags)]
            : [database];
    }
}

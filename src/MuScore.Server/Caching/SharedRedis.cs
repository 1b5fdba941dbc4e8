using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MuScore.Server.Diagnostics;
using MuScore.Server.Options;
using Polly.Registry;
using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>
/// The process's one <see cref="ConnectionMultiplexer"/> and the Redis cache over it, or neither
/// when no connection string is configured (then no multiplexer is ever created). Connecting does
/// not wait for Redis: with abortConnect=false the multiplexer starts disconnected and keeps trying.
/// </summary>
internal sealed class SharedRedis : IDisposable
{
    public SharedRedis(
        IOptions<RedisOptions> redisOptions,
        IOptions<RedisResilienceOptions> resilienceOptions,
        IOptions<InvalidationOptions> invalidationOptions,
        ResiliencePipelineProvider<string> pipelines,
        ILoggerFactory loggerFactory,
        DependencyHealth dependencies)
    {
        var redis = redisOptions.Value;
        var logger = loggerFactory.CreateLogger(CacheLog.Category);
        if (!redis.IsConfigured)
        {
            CacheLog.RedisNotConfigured(logger);
            return;
        }

        Multiplexer = ConnectionMultiplexer.Connect(RedisConnection.Configure(redis, resilienceOptions.Value));
        Cache = new RedisRatingCache(
            Multiplexer,
            pipelines.GetPipeline(RedisResilience.PipelineName),
            new RedisKeys(redis.KeyPrefix),
            redis.Ttl,
            invalidationOptions.Value.RedisPointerTtl,
            resilienceOptions.Value.CommandTimeout,
            resilienceOptions.Value.GateBreakDuration,
            logger,
            dependencies);
    }

    public IConnectionMultiplexer? Multiplexer { get; }

    public RedisRatingCache? Cache { get; }

    public void Dispose()
    {
        Cache?.Complete();
        Multiplexer?.Dispose();
    }
}

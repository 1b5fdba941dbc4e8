using Microsoft.Extensions.Logging;
using MuScore.Server.Diagnostics;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace MuScore.Server.Caching;

/// <summary>
/// The one Polly pipeline every Redis call runs through, built once and registered in DI under
/// <see cref="PipelineName"/>: a circuit breaker around a timeout, so timeouts count as failures.
/// The breaker handles every exception except cancellation (a client that gives up is not a Redis
/// failure). The fallback itself is the caller's: on any failure it reads the database.
/// </summary>
internal static class RedisResilience
{
    /// <summary>The registry key of the pipeline.</summary>
    public const string PipelineName = "redis";

    public static void Configure(ResiliencePipelineBuilder builder, RedisResilienceOptions options, ILogger logger) =>
        builder.AddCircuitBreaker(Breaker(options, logger)).AddTimeout(Timeout(options));

    public static TimeoutStrategyOptions Timeout(RedisResilienceOptions options) => new()
    {
        Name = "redis-timeout",
        Timeout = options.CommandTimeout,
    };

    public static CircuitBreakerStrategyOptions Breaker(RedisResilienceOptions options, ILogger logger) => new()
    {
        Name = "redis-breaker",
        FailureRatio = options.FailureRatio,
        SamplingDuration = options.SamplingDuration,
        MinimumThroughput = options.MinimumThroughput,
        BreakDuration = options.BreakDuration,
        ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is not null and not OperationCanceledException),
        OnOpened = args =>
        {
            CacheLog.CircuitOpened(logger, args.BreakDuration, LogValues.Cut(args.Outcome.Exception?.Message));
            return default;
        },
        OnHalfOpened = _ =>
        {
            CacheLog.CircuitHalfOpened(logger);
            return default;
        },
        OnClosed = _ =>
        {
            CacheLog.CircuitClosed(logger);
            return default;
        },
    };
}

using Microsoft.Extensions.Logging;

namespace MuScore.Server.Caching;

/// <summary>Every log line of the cache, source-generated. Event ids 100–119 belong to the cache.</summary>
internal static partial class CacheLog
{
    /// <summary>Logger category of the cache.</summary>
    public const string Category = "MuScore.Server.Caching";

    [LoggerMessage(100, LogLevel.Information, "Redis is not configured: serving from the in-process cache and the database", EventName = "RedisNotConfigured")]
    public static partial void RedisNotConfigured(ILogger logger);

    [LoggerMessage(101, LogLevel.Warning, "Redis circuit opened for {BreakDuration}: reads fall back to the database", EventName = "RedisCircuitOpened")]
    public static partial void CircuitOpened(ILogger logger, TimeSpan breakDuration, Exception? exception);

    [LoggerMessage(102, LogLevel.Information, "Redis circuit half-open: trying one call", EventName = "RedisCircuitHalfOpened")]
    public static partial void CircuitHalfOpened(ILogger logger);

    [LoggerMessage(103, LogLevel.Information, "Redis circuit closed: the cached path is back", EventName = "RedisCircuitClosed")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(104, LogLevel.Debug, "Redis {Operation} failed; falling back to the database", EventName = "RedisFallback")]
    public static partial void Fallback(ILogger logger, string operation, Exception exception);

    [LoggerMessage(105, LogLevel.Warning, "Redis connection {EndPoint} ({ConnectionType}) failed: {FailureType}", EventName = "RedisConnectionFailed")]
    public static partial void ConnectionFailed(ILogger logger, string endPoint, string connectionType, string failureType, Exception? exception);

    [LoggerMessage(106, LogLevel.Information, "Redis connection {EndPoint} ({ConnectionType}) restored", EventName = "RedisConnectionRestored")]
    public static partial void ConnectionRestored(ILogger logger, string endPoint, string connectionType);

    [LoggerMessage(107, LogLevel.Information, "Subscribed to invalidations: pointers now live {PointerTtl}", EventName = "InvalidationSubscribed")]
    public static partial void Subscribed(ILogger logger, TimeSpan pointerTtl);

    [LoggerMessage(108, LogLevel.Warning, "Not subscribed to invalidations: pointers now live {PointerTtl}", EventName = "InvalidationUnsubscribed")]
    public static partial void Unsubscribed(ILogger logger, TimeSpan pointerTtl);

    [LoggerMessage(109, LogLevel.Debug, "Invalidation received for region {Region}", EventName = "InvalidationReceived")]
    public static partial void InvalidationReceived(ILogger logger, string region);

    [LoggerMessage(110, LogLevel.Warning, "Could not tell Redis about the publish of region {Region} year {Year}; retrying until it can", EventName = "InvalidationDeferred")]
    public static partial void InvalidationDeferred(ILogger logger, string region, int year);

    [LoggerMessage(111, LogLevel.Information, "Deferred invalidation of region {Region} year {Year} delivered", EventName = "InvalidationDelivered")]
    public static partial void InvalidationDelivered(ILogger logger, string region, int year);

    [LoggerMessage(112, LogLevel.Warning, "Invalidation maintenance failed", EventName = "InvalidationMaintenanceFailed")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception);
}

using Microsoft.Extensions.Logging;

namespace MuScore.Server.Caching;

/// <summary>Every log line of the cache, source-generated. Event ids 100–119 belong to the cache.</summary>
internal static partial class CacheLog
{
    /// <summary>Logger category of the cache.</summary>
    public const string Category = "MuScore.Server.Caching";

    [LoggerMessage(100, LogLevel.Information, "Redis is not configured: serving from the in-process cache and the database", EventName = "RedisNotConfigured")]
    public static partial void RedisNotConfigured(ILogger logger);

    // The breaker's transitions are Debug: it opens again after every failed trial (every
    // BreakDuration for as long as Redis is down), and DependencyHealth already logs the outage
    // once. The reason is text: a timeout's stack trace says nothing an operator can act on.
    [LoggerMessage(101, LogLevel.Debug, "Redis circuit opened for {BreakDuration}: reads fall back to the database ({Reason})", EventName = "RedisCircuitOpened")]
    public static partial void CircuitOpened(ILogger logger, TimeSpan breakDuration, string reason);

    [LoggerMessage(102, LogLevel.Debug, "Redis circuit half-open: trying one call", EventName = "RedisCircuitHalfOpened")]
    public static partial void CircuitHalfOpened(ILogger logger);

    [LoggerMessage(103, LogLevel.Debug, "Redis circuit closed: the cached path is back", EventName = "RedisCircuitClosed")]
    public static partial void CircuitClosed(ILogger logger);

    // Per call, so Debug and message only; DependencyHealth logs the one Warning of an outage.
    [LoggerMessage(104, LogLevel.Debug, "Redis {Operation} failed; falling back to the database: {Reason}", EventName = "RedisFallback")]
    public static partial void Fallback(ILogger logger, string operation, string reason);

    // Debug: the client reports each connection (interactive and subscription) and each failed
    // reconnect; DependencyHealth turns them into one Warning and one Information per outage.
    [LoggerMessage(105, LogLevel.Debug, "Redis connection {EndPoint} ({ConnectionType}) failed: {FailureType}", EventName = "RedisConnectionFailed")]
    public static partial void ConnectionFailed(ILogger logger, string endPoint, string connectionType, string failureType);

    [LoggerMessage(106, LogLevel.Debug, "Redis connection {EndPoint} ({ConnectionType}) restored", EventName = "RedisConnectionRestored")]
    public static partial void ConnectionRestored(ILogger logger, string endPoint, string connectionType);

    [LoggerMessage(107, LogLevel.Information, "Subscribed to invalidations: pointers now live {PointerTtl}", EventName = "InvalidationSubscribed")]
    public static partial void Subscribed(ILogger logger, TimeSpan pointerTtl);

    // Information: it follows from Redis being down, which DependencyHealth has already warned of.
    [LoggerMessage(108, LogLevel.Information, "Not subscribed to invalidations: pointers now live {PointerTtl}", EventName = "InvalidationUnsubscribed")]
    public static partial void Unsubscribed(ILogger logger, TimeSpan pointerTtl);

    [LoggerMessage(109, LogLevel.Debug, "Invalidation received for region {Region}", EventName = "InvalidationReceived")]
    public static partial void InvalidationReceived(ILogger logger, string region);

    [LoggerMessage(110, LogLevel.Warning, "Could not tell Redis about the publish of region {Region} year {Year}; retrying until it can", EventName = "InvalidationDeferred")]
    public static partial void InvalidationDeferred(ILogger logger, string region, int year);

    [LoggerMessage(111, LogLevel.Information, "Deferred invalidation of region {Region} year {Year} delivered", EventName = "InvalidationDelivered")]
    public static partial void InvalidationDelivered(ILogger logger, string region, int year);

    [LoggerMessage(112, LogLevel.Warning, "Invalidation maintenance failed: {Reason}", EventName = "InvalidationMaintenanceFailed")]
    public static partial void MaintenanceFailed(ILogger logger, string reason);
}

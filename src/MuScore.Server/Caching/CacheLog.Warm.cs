using Microsoft.Extensions.Logging;

namespace MuScore.Server.Caching;

/// <summary>The warming lines of the cache (event ids 116–119).</summary>
internal static partial class CacheLog
{
    [LoggerMessage(116, LogLevel.Information, "Warmed region {Region} year {Year} version {Version}: {Loaded} ratings in process, {Written} written to Redis, in {Elapsed}", EventName = "PublicationWarmed")]
    public static partial void Warmed(ILogger logger, string region, int year, int version, int loaded, int written, TimeSpan elapsed);

    [LoggerMessage(117, LogLevel.Warning, "Warming region {Region} year {Year} failed; its ratings come on first read: {Reason}", EventName = "PublicationWarmFailed")]
    public static partial void WarmFailed(ILogger logger, string region, int year, string reason);

    [LoggerMessage(118, LogLevel.Information, "Start-up warming done: {Regions} regions, {Loaded} ratings in process, in {Elapsed}", EventName = "StartWarmed")]
    public static partial void StartWarmed(ILogger logger, int regions, int loaded, TimeSpan elapsed);

    [LoggerMessage(119, LogLevel.Warning, "Start-up warming stopped after {Elapsed} ({Loaded} ratings in process): reporting SERVING; the rest comes on first read", EventName = "StartWarmingCut")]
    public static partial void StartWarmingCut(ILogger logger, TimeSpan elapsed, int loaded);
}

using Microsoft.Extensions.Logging;

namespace MuScore.Server.Diagnostics;

/// <summary>Log lines about dependencies going down and coming back (ids from 30), written by <see cref="DependencyHealth"/>.</summary>
internal static partial class Log
{
    [LoggerMessage(30, LogLevel.Warning, "{Dependency} is down: {Reason}", EventName = "DependencyDown")]
    public static partial void DependencyDown(ILogger logger, string dependency, string reason);

    [LoggerMessage(31, LogLevel.Information, "{Dependency} is back", EventName = "DependencyBack")]
    public static partial void DependencyBack(ILogger logger, string dependency);
}

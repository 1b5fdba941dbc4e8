using Microsoft.Extensions.Logging;

namespace MuScore.Server.Diagnostics;

/// <summary>Log lines about how calls end (ids from 20, apart from the other parts of <see cref="Log"/>).</summary>
internal static partial class Log
{
    [LoggerMessage(20, LogLevel.Debug, "{Method} ended by its client ({Status}): {Reason}", EventName = "CallEnded")]
    public static partial void CallEnded(ILogger logger, string method, string status, string reason);
}

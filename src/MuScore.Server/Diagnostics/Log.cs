using Microsoft.Extensions.Logging;

namespace MuScore.Server.Diagnostics;

/// <summary>Every log line the server writes, source-generated (no boxing, no formatting when disabled).</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Store ready: {Provider}", EventName = "StoreReady")]
    public static partial void StoreReady(ILogger logger, string provider);

    [LoggerMessage(2, LogLevel.Information, "Run {RunId} stored for region {Region} year {Year}: {RecordCount} records, {RejectedCount} rejected", EventName = "RunStored")]
    public static partial void RunStored(ILogger logger, string runId, string region, int year, int recordCount, int rejectedCount);

    [LoggerMessage(3, LogLevel.Information, "Run {RunId} published as version {Version} of region {Region} year {Year}", EventName = "RunPublished")]
    public static partial void RunPublished(ILogger logger, string runId, int version, string region, int year);

    // Debug and without the exception: an outage fails every call, and DependencyHealth already
    // logged the one Warning an operator needs.
    [LoggerMessage(4, LogLevel.Debug, "Store unavailable during {Method}: {Reason}", EventName = "StoreUnavailable")]
    public static partial void StoreUnavailable(ILogger logger, string method, string reason);

    [LoggerMessage(5, LogLevel.Error, "Unexpected failure in {Method}", EventName = "UnexpectedFailure")]
    public static partial void UnexpectedFailure(ILogger logger, string method, Exception exception);

    [LoggerMessage(6, LogLevel.Warning, "Security: {Warning}", EventName = "SecurityWarning")]
    public static partial void SecurityWarning(ILogger logger, string warning);

    [LoggerMessage(7, LogLevel.Error, "Audit entry {Kind} could not be appended", EventName = "AuditAppendFailed")]
    public static partial void AuditAppendFailed(ILogger logger, string kind, Exception exception);

    [LoggerMessage(8, LogLevel.Debug, "Audit entry {Kind} not appended, the store is unavailable: {Reason}", EventName = "AuditAppendSkipped")]
    public static partial void AuditAppendSkipped(ILogger logger, string kind, string reason);
}

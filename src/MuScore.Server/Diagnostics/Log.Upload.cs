using Microsoft.Extensions.Logging;

namespace MuScore.Server.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(61, LogLevel.Debug, "SubmitRun upload timing, {RecordCount} records: {Steps}", EventName = "UploadTiming")]
    public static partial void UploadTiming(ILogger logger, int recordCount, UploadSteps steps);
}

using Microsoft.Extensions.Logging;

namespace MuScore.Server.Telemetry;

/// <summary>The telemetry's start-up lines.</summary>
internal static partial class TelemetryLog
{
    [LoggerMessage(200, LogLevel.Information, "Metrics: Prometheus scrape endpoint {Url}{Path} ({Scope})", EventName = "MetricsListening")]
    public static partial void MetricsListening(ILogger logger, string url, string path, string scope);

    [LoggerMessage(201, LogLevel.Information, "Telemetry: traces {Traces}, OTLP export {Otlp}", EventName = "TelemetryConfigured")]
    public static partial void TelemetryConfigured(ILogger logger, string traces, string otlp);
}

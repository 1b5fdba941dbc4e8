namespace MuScore.Server.Telemetry;

/// <summary>What telemetry the configuration switched on, decided once at start.</summary>
/// <param name="Metrics">The Prometheus scrape listener, null when off.</param>
/// <param name="Otlp">Whether OTEL_EXPORTER_OTLP_ENDPOINT is set: metrics and traces are exported there.</param>
/// <param name="Tracing">Whether spans are recorded (OTLP set, or MuScore:Tracing:Enabled=true).</param>
internal sealed record TelemetrySettings(MetricsEndpoint? Metrics, bool Otlp, bool Tracing);

namespace MuScore.Server.Telemetry;

/// <summary>The Prometheus scrape listener's settings, <c>MuScore:Metrics</c> (docs/observability.md).</summary>
public sealed class MetricsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MuScore:Metrics";

    /// <summary>The listener's URL (default <c>http://127.0.0.1:9464</c>); empty or "off" for none.</summary>
    public string? Url { get; set; }

    /// <summary>Whether <see cref="Url"/> may name a host beyond loopback (warned about at every start).</summary>
    public bool AllowRemote { get; set; }
}

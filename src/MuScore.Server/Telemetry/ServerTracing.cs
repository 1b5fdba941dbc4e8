using System.Diagnostics;

namespace MuScore.Server.Telemetry;

/// <summary>
/// Spans of the read path (docs/observability.md). While no tracer listens (tracing is off unless
/// configured), StartActivity returns null and costs a field read. Attributes carry region and year
/// only: never a credit code or a token.
/// </summary>
internal static class ServerTracing
{
    /// <summary>The activity source's name, the same as the meter's.</summary>
    public const string SourceName = ServerMetrics.MeterName;

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts an internal span tagged with the region and year asked for (null: the latest).</summary>
    public static Activity? Start(string name, string region, int? year)
    {
        var activity = Source.StartActivity(name);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("muscore.region", region);
            if (year is { } y)
            {
                activity.SetTag("muscore.year", y);
            }
        }

        return activity;
    }
}

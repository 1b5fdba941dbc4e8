using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using MuScore.Server.Diagnostics;

namespace MuScore.Server.Hosting;

/// <summary>
/// Asks the database every <see cref="Interval"/> through the store health check (a one-run
/// listing), so <see cref="DependencyHealth"/> knows it is down, and back, even while every read is
/// answered from the caches and never calls the store: answers are marked possibly stale from the
/// first failed ask and unmarked from the first answered one, whether or not anyone probes health.
/// </summary>
internal sealed class DatabaseWatch(StoreHealthCheck check, TimeProvider time) : BackgroundService
{
    /// <summary>How often the database is asked.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            // The check records the outcome in DependencyHealth (one log line per transition).
            await check.CheckHealthAsync(new HealthCheckContext(), stoppingToken).ConfigureAwait(false);
        }
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using MuScore.Server.Diagnostics;
using MuScore.Store;

namespace MuScore.Server.Hosting;

/// <summary>
/// Healthy when the store answers a one-run listing; the gRPC health service reports NOT_SERVING
/// otherwise. The probe is also where <see cref="DependencyHealth"/> learns that the database is
/// back: reads may be served from the cache, so a successful call proves nothing about the store.
/// </summary>
internal sealed class StoreHealthCheck(IRatingStore store, DependencyHealth dependencies) : IHealthCheck
{
    private static readonly RunQuery Probe = new(null, null, 1, null);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await AskAsync(cancellationToken).ConfigureAwait(false);
            dependencies.Succeeded(DependencyHealth.Database);
            return HealthCheckResult.Healthy("the store answers");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            dependencies.Failed(DependencyHealth.Database, exception);
            return HealthCheckResult.Unhealthy("the store does not answer", exception);
        }
    }

    private async Task AskAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.ListRunsAsync(Probe, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Once more: after a database restart each pooled connection fails once when next used and
            // is then dropped, and one such failure is not an outage worth marking every answer for.
            await store.ListRunsAsync(Probe, cancellationToken).ConfigureAwait(false);
        }
    }
}

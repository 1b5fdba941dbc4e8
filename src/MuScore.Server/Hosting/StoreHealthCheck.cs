using Microsoft.Extensions.Diagnostics.HealthChecks;
using MuScore.Store;

namespace MuScore.Server.Hosting;

/// <summary>Healthy when the store answers a one-run listing; the gRPC health service reports NOT_SERVING otherwise.</summary>
internal sealed class StoreHealthCheck(IRatingStore store) : IHealthCheck
{
    private static readonly RunQuery Probe = new(null, null, 1, null);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ListRunsAsync(Probe, cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("the store answers");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("the store does not answer", exception);
        }
    }
}

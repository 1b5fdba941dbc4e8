using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MuScore.Server.Caching;

/// <summary>
/// Whether start-up warming is over (done, cut by <see cref="WarmOptions.WarmStartTimeout"/>, failed,
/// or not configured). Until then the health check "warm" holds every gRPC health service at
/// NOT_SERVING, so a load balancer sends no traffic to an instance whose cache is still cold.
/// </summary>
internal sealed class StartWarming
{
    private volatile bool over;

    public bool IsOver => over;

    public void Complete() => over = true;
}

/// <summary>Unhealthy while <see cref="StartWarming"/> runs.</summary>
internal sealed class StartWarmingHealthCheck(StartWarming warming) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warming.IsOver
            ? HealthCheckResult.Healthy("the cache is warm")
            : HealthCheckResult.Unhealthy("warming the cache after start"));
}

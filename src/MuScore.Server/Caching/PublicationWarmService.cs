using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MuScore.Store;

namespace MuScore.Server.Caching;

/// <summary>
/// Runs the warming passes of <see cref="PublicationWarmer"/> one at a time, off the request path.
/// First, when <see cref="WarmOptions.WarmOnStart"/> is set, the newest publication of each region
/// Redis lists as published, until the warm budget is filled or
/// <see cref="WarmOptions.WarmStartTimeout"/> has passed (then <see cref="StartWarming"/> ends);
/// then every pass a publish asks for, here or on another instance.
/// </summary>
internal sealed class PublicationWarmService(
    PublicationWarmer warmer,
    StartWarming start,
    SharedRedis shared,
    IServiceScopeFactory scopes,
    IOptions<WarmOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory) : BackgroundService
{
    /// <summary>How long start-up warming waits for Redis to name the regions (within the start bound).</summary>
    public static readonly TimeSpan RegionsWait = TimeSpan.FromSeconds(5);

    private readonly ILogger logger = loggerFactory.CreateLogger(CacheLog.Category);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IRatingStore>();
        try
        {
            await WarmOnStartAsync(store, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            start.Complete();
        }

        await foreach (var job in warmer.Jobs.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            await warmer.WarmAsync(store, job, warmer.Budget, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task WarmOnStartAsync(IRatingStore store, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.WarmOnStart || shared.Cache is not { } redis || warmer.Budget == 0)
        {
            return;
        }

        var started = time.GetTimestamp();
        var loaded = 0;
        using var bound = new CancellationTokenSource(settings.WarmStartTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, bound.Token);
        try
        {
            var regions = await RegionsAsync(redis, started, linked.Token).ConfigureAwait(false);
            foreach (var region in regions)
            {
                // One budget for all regions together: a start loads no more than a publish would.
                if (loaded >= warmer.Budget)
                {
                    break;
                }

                loaded += await warmer.WarmAsync(store, new WarmJob(region, null, WriteRedis: false), warmer.Budget - loaded, linked.Token).ConfigureAwait(false);
            }

            CacheLog.StartWarmed(logger, regions.Length, loaded, time.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            CacheLog.StartWarmingCut(logger, time.GetElapsedTime(started), warmer.Cached);
        }
    }

    /// <summary>
    /// The regions to warm. The multiplexer may still be connecting when this runs, so a failed read
    /// is tried again every 200 ms for up to <see cref="RegionsWait"/>; a Redis still silent then is
    /// taken as down, and the instance serves cold rather than waiting out the whole bound.
    /// </summary>
    private async Task<string[]> RegionsAsync(RedisRatingCache redis, long started, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await redis.TryGetPublishedRegionsAsync(cancellationToken).ConfigureAwait(false) is { } regions)
            {
                return regions;
            }

            if (time.GetElapsedTime(started) >= RegionsWait)
            {
                return [];
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken).ConfigureAwait(false);
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MuScore.Server.Diagnostics;
using MuScore.Store;
using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>
/// Keeps this instance listening for publishes made elsewhere. At start it connects and subscribes
/// to the invalidation channel; a message drops the pointers of its region. Every
/// <see cref="InvalidationOptions.MaintenanceInterval"/> it checks the subscription (pointers live
/// long only while it is up; see <see cref="LocalPointers"/>), subscribes again if that never
/// succeeded, and retries announcements of publishes Redis has not heard of.
/// </summary>
internal sealed class InvalidationListener(
    SharedRedis shared,
    LocalPointers pointers,
    PublicationInvalidator invalidator,
    PublicationWarmer warmer,
    IServiceScopeFactory scopes,
    IOptions<InvalidationOptions> options,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    DependencyHealth dependencies) : BackgroundService
{
    private readonly ILogger logger = loggerFactory.CreateLogger(CacheLog.Category);
    private bool registered;
    private int connectedChecks;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (shared.Multiplexer is { } multiplexer)
        {
            multiplexer.ConnectionFailed += OnConnectionFailed;
            multiplexer.ConnectionRestored += OnConnectionRestored;
            await TrySubscribeAsync().ConfigureAwait(false);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (shared.Cache is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.MaintenanceInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await MaintainAsync(stoppingToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The loop must outlive any one failure; the next tick tries again.
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                CacheLog.MaintenanceFailed(logger, LogValues.Cut(exception.Message));
            }
        }
    }

    private async Task MaintainAsync(CancellationToken stoppingToken)
    {
        if (!registered)
        {
            await TrySubscribeAsync().ConfigureAwait(false);
        }

        // Two healthy checks in a row before trusting the subscription again, so the client has
        // re-sent SUBSCRIBE after a reconnect; going back to long-lived pointers drops them all.
        var connected = registered && shared.Cache!.Subscriber.IsConnected(shared.Cache.Keys.Channel);
        connectedChecks = connected ? connectedChecks + 1 : 0;
        UpdateSubscribed(connectedChecks >= 2);

        if (!invalidator.HasPending)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IRatingStore>();
        await invalidator.RetryPendingAsync(store, stoppingToken).ConfigureAwait(false);
    }

    private async Task TrySubscribeAsync()
    {
        try
        {
            await shared.Cache!.Subscriber.SubscribeAsync(shared.Cache.Keys.Channel, OnMessage).ConfigureAwait(false);
            registered = true;
        }
#pragma warning disable CA1031 // Redis may be down at start: the maintenance loop subscribes once it is back.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            CacheLog.Fallback(logger, "SUBSCRIBE", LogValues.Cut(exception.Message));
        }
    }

    private void OnMessage(RedisChannel channel, RedisValue message)
    {
        if (RedisKeys.RegionOf(message) is { } region)
        {
            CacheLog.InvalidationReceived(logger, LogValues.Cut(region));
            pointers.Invalidate(region);
            if (WarmJob.YearOf(message) is { } year)
            {
                warmer.Enqueue(region, year, writeRedis: false);
            }
        }
    }

    private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
    {
        CacheLog.ConnectionFailed(logger, e.EndPoint?.ToString() ?? "?", e.ConnectionType.ToString(), e.FailureType.ToString());
        dependencies.Failed(DependencyHealth.Redis, e.Exception?.Message ?? e.FailureType.ToString());

        // Messages can no longer arrive: every pointer falls back to the short lifetime at once.
        connectedChecks = 0;
        UpdateSubscribed(false);
    }

    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        CacheLog.ConnectionRestored(logger, e.EndPoint?.ToString() ?? "?", e.ConnectionType.ToString());
        dependencies.Succeeded(DependencyHealth.Redis);
    }

    private void UpdateSubscribed(bool subscribed)
    {
        if (subscribed == pointers.Subscribed)
        {
            return;
        }

        pointers.SetSubscribed(subscribed);
        if (subscribed)
        {
            CacheLog.Subscribed(logger, options.Value.PointerTtl);
        }
        else
        {
            CacheLog.Unsubscribed(logger, options.Value.PointerTtlWithoutSubscription);
        }
    }

    public override void Dispose()
    {
        if (shared.Multiplexer is { } multiplexer)
        {
            multiplexer.ConnectionFailed -= OnConnectionFailed;
            multiplexer.ConnectionRestored -= OnConnectionRestored;
        }

        base.Dispose();
    }
}

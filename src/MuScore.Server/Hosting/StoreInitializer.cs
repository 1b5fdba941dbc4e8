using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MuScore.Server.Diagnostics;
using MuScore.Store;

namespace MuScore.Server.Hosting;

/// <summary>
/// Creates the store's schema while the host is starting, before Kestrel listens (lifecycle
/// "starting" runs ahead of every hosted service's start), so the first call finds its tables.
/// </summary>
internal sealed class StoreInitializer(IRatingStore store, IOptions<RatingStoreOptions> options, ILogger<StoreInitializer> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await store.InitializeAsync(cancellationToken).ConfigureAwait(false);
        Log.StoreReady(logger, options.Value.Provider.ToString());
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

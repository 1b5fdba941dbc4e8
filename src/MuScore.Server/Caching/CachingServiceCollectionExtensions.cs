using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MuScore.Server.Diagnostics;
using MuScore.Server.Options;
using MuScore.Server.Reading;
using MuScore.Server.Telemetry;
using MuScore.Store;
using Polly;
using Polly.Telemetry;

namespace MuScore.Server.Caching;

/// <summary>Registers the cache in front of the database's <see cref="IPublishedRatings"/>.</summary>
public static class CachingServiceCollectionExtensions
{
    /// <summary>
    /// Decorates the registered <see cref="IPublishedRatings"/> (call this after registering it and
    /// <see cref="IRatingStore"/>) with the in-process cache, and Redis when
    /// <c>MuScore:Redis:ConnectionString</c> is set; binds and validates at start the options of
    /// sections <c>MuScore:Cache</c> and <c>MuScore:Redis</c>; registers the Polly pipeline "redis"
    /// and the hosted service that listens for publishes made by other instances.
    /// </summary>
    public static IServiceCollection AddMuScoreCaching(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var database = services.LastOrDefault(d => d.ServiceType == typeof(IPublishedRatings) && !d.IsKeyedService)
            ?? throw new InvalidOperationException("AddMuScoreCaching decorates IPublishedRatings: register the database implementation first");

        BindOnce<CacheOptions>(services, configuration, CacheOptions.Section);
        BindOnce<RedisOptions>(services, configuration, RedisOptions.Section);
        BindOnce<InvalidationOptions>(services, configuration, InvalidationOptions.Section);
        BindOnce<RedisResilienceOptions>(services, configuration, RedisResilienceOptions.Section);
        BindOnce<WarmOptions>(services, configuration, WarmOptions.Section);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new LocalPointers(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<InvalidationOptions>>().Value));
        services.TryAddSingleton(sp =>
        {
            var cache = sp.GetRequiredService<IOptions<CacheOptions>>().Value;
            return new ClockCache<RatingKey, RatingLookup>(cache.Enabled ? cache.SizeLimit : 0, cache.Ttl, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<DependencyHealth>();
        TelemetryServices.AddInstruments(services);
        services.TryAddSingleton<PendingInvalidations>();
        services.TryAddSingleton<SharedRedis>();
        services.TryAddSingleton(sp => new PublicationInvalidator(
            sp.GetRequiredService<LocalPointers>(),
            sp.GetRequiredService<SharedRedis>().Cache,
            sp.GetRequiredService<PendingInvalidations>(),
            sp.GetRequiredService<DependencyHealth>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(CacheLog.Category)));
        services.AddResiliencePipeline(RedisResilience.PipelineName, static (builder, context) => RedisResilience.Configure(
            builder,
            context.ServiceProvider.GetRequiredService<IOptions<RedisResilienceOptions>>().Value,
            context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(CacheLog.Category)));
        // Polly logs every execution ("Resilience pipeline executed", Information) and every timeout
        // (Warning): 91 MB in 12 minutes. Our own lines report the breaker's transitions and
        // DependencyHealth the outage, once each, so all of Polly's events are Debug.
        services.Configure<TelemetryOptions>(static telemetry => telemetry.SeverityProvider = static _ => ResilienceEventSeverity.Debug);
        services.AddHostedService<InvalidationListener>();
        AddWarming(services);

        var createDatabase = Factory(database);
        services.Remove(database);
        services.Add(ServiceDescriptor.Describe(typeof(IPublishedRatings), sp => Decorate(sp, createDatabase(sp)), database.Lifetime));
        return services;
    }

    private static CachedPublishedRatings Decorate(IServiceProvider sp, IPublishedRatings database)
    {
        var store = sp.GetRequiredService<IRatingStore>();
        var redis = sp.GetRequiredService<SharedRedis>().Cache;
        var pointers = new PointerResolver(sp.GetRequiredService<LocalPointers>(), store, redis, sp.GetRequiredService<PendingInvalidations>(), sp.GetRequiredService<DependencyHealth>());
        return new CachedPublishedRatings(
            database,
            store,
            pointers,
            sp.GetRequiredService<ClockCache<RatingKey, RatingLookup>>(),
            redis,
            sp.GetRequiredService<PublicationInvalidator>(),
            sp.GetRequiredService<ServerMetrics>(),
            sp.GetRequiredService<PublicationWarmer>());
    }

    // Warming on publish and on start (docs/caching.md, "Warming"); the passes run on a hosted service.
    private static void AddWarming(IServiceCollection services)
    {
        services.TryAddSingleton<RunStamps>();
        services.TryAddSingleton<StartWarming>();
        services.TryAddSingleton(sp =>
        {
            var cache = sp.GetRequiredService<IOptions<CacheOptions>>().Value;
            var warm = sp.GetRequiredService<IOptions<WarmOptions>>().Value;
            return new PublicationWarmer(
                sp.GetRequiredService<ClockCache<RatingKey, RatingLookup>>(),
                sp.GetRequiredService<LocalPointers>(),
                sp.GetRequiredService<SharedRedis>().Cache,
                sp.GetRequiredService<RunStamps>(),
                cache.Enabled ? (int)(cache.SizeLimit * warm.WarmShare) : 0,
                warm.WarmOnPublish,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(CacheLog.Category));
        });
        services.AddHostedService<PublicationWarmService>();
    }

    private static Func<IServiceProvider, IPublishedRatings> Factory(ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IPublishedRatings instance } => _ => instance,
        { ImplementationFactory: { } factory } => sp => (IPublishedRatings)factory(sp),
        { ImplementationType: { } type } => sp => (IPublishedRatings)ActivatorUtilities.CreateInstance(sp, type),
        _ => throw new InvalidOperationException("the registered IPublishedRatings has no implementation to decorate"),
    };

    // The host may bind these sections itself; binding twice would only repeat validation errors.
    private static void BindOnce<TOptions>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
    {
        if (services.Any(d => d.ServiceType == typeof(IConfigureOptions<TOptions>)))
        {
            return;
        }

        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MuScore.Server.Auditing;
using MuScore.Server.Caching;
using MuScore.Server.Diagnostics;
using MuScore.Server.Errors;
using MuScore.Server.Evaluation;
using MuScore.Server.Options;
using MuScore.Server.Policies;
using MuScore.Server.Reading;
using MuScore.Server.Review;
using MuScore.Server.Security;
using MuScore.Server.Services;
using MuScore.Server.Telemetry;
using MuScore.Store;
using MuScore.Store.Audit;

namespace MuScore.Server.Hosting;

/// <summary>Everything the server registers: options (validated at start), the store, the readers, gRPC.</summary>
internal static class ServerServices
{
    /// <summary>Configuration section of <see cref="RatingStoreOptions"/>.</summary>
    public const string StoreSection = "MuScore:Store";

    private const string RatingServiceName = "muscore.v1.RatingService";

    private const string PolicyServiceName = "muscore.v1.PolicyService";

    /// <summary>
    /// The gRPC service names the health service answers for, besides the whole server (""). The
    /// deployment files (deploy/) probe these names; DeploySettingsTests checks them against the server.
    /// </summary>
    internal static readonly string[] HealthServiceNames = ["", RatingServiceName, "muscore.v1.EvaluationService", PolicyServiceName, "muscore.v1.AuditService", "muscore.v1.ReviewService"];

    /// <summary>
    /// Services that keep answering from the caches while the store is down (marked possibly stale,
    /// docs/caching.md): ratings, and policy answers computed from the rating in force.
    /// </summary>
    private static readonly string[] CachedReadServiceNames = [RatingServiceName, PolicyServiceName];

    public static IServiceCollection AddMuScoreServer(this IServiceCollection services, IConfiguration configuration)
    {
        AddValidatedOptions<RatingStoreOptions>(services, configuration, StoreSection);
        AddValidatedOptions<CacheOptions>(services, configuration, CacheOptions.Section);
        AddValidatedOptions<RedisOptions>(services, configuration, RedisOptions.Section);
        AddValidatedOptions<LimitsOptions>(services, configuration, LimitsOptions.Section);
        AddValidatedOptions<AuthOptions>(services, configuration, AuthOptions.Section);
        AddValidatedOptions<TlsOptions>(services, configuration, TlsOptions.Section);
        AddValidatedOptions<AuditOptions>(services, configuration, AuditOptions.Section);
        AddValidatedOptions<HealthProbeOptions>(services, configuration, HealthProbeOptions.Section);
        AddValidatedOptions<ReviewOptions>(services, configuration, ReviewOptions.Section);
        services.AddSingleton<IValidateOptions<ReviewOptions>, ReviewOptionsValidation>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => RatingStoreFactory.Create(sp.GetRequiredService<IOptions<RatingStoreOptions>>().Value));
        services.AddHostedService<StoreInitializer>();

        // The audit log lives in the store's database; the store writes submissions and
        // publications itself, the server its starts, refusals and read counts.
        services.AddSingleton(sp => RatingStoreFactory.AuditLogOf(sp.GetRequiredService<IRatingStore>()));
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<RefusalRecorder>();
        services.AddSingleton<ReadCounter>();
        services.AddSingleton<ReadCountFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadCountFlusher>());
        services.AddHostedService<ServerStartRecorder>();
        services.TryAddSingleton<StoreHealthCheck>();
        services.AddHostedService<DatabaseWatch>();

        // Reads go through IPublishedRatings: the database reader, decorated by the in-process and
        // Redis caches (Caching/), which replace the IPublishedRatings registration.
        services.AddSingleton<RunStamps>();
        services.AddSingleton<DatabasePublishedRatings>();
        services.AddSingleton<IPublishedRatings>(sp => sp.GetRequiredService<DatabasePublishedRatings>());
        services.AddMuScoreCaching(configuration);

        // Handlers and the interceptor are stateless: registered as singletons, one instance serves
        // every call instead of one being activated per call.
        services.TryAddSingleton<DependencyHealth>();
        services.AddSingleton<ErrorInterceptor>();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<AuthorizationInterceptor>();
        services.AddSingleton<RatingGrpcService>();
        services.AddSingleton<EvaluationGrpcService>();
        services.AddSingleton<AuditGrpcService>();
        services.AddSingleton(sp => RatingStoreFactory.ReviewStoreOf(sp.GetRequiredService<IRatingStore>()));
        services.AddSingleton<ReviewCalendar>();
        services.AddSingleton<ReviewGrpcService>();
        services.AddSingleton<UploadGate>();
        services.AddSingleton<UploadMemory>();
        services.AddMuScorePolicies(configuration);
        services.AddGrpc(grpc =>
        {
            // The first interceptor is the outermost: the metrics see the status the client gets;
            // refusals pass through the error mapping untouched.
            grpc.Interceptors.Add<RpcMetricsInterceptor>();
            grpc.Interceptors.Add<ErrorInterceptor>();
            grpc.Interceptors.Add<AuthorizationInterceptor>();
        });
        services.AddMessageLimits();
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks(health =>
        {
            foreach (var name in HealthServiceNames)
            {
                // Ratings and policy answers are served from the caches while the store is down
                // (marked possibly stale), so those services stay SERVING; the others need the store.
                var check = CachedReadServiceNames.Contains(name, StringComparer.Ordinal) ? "reads" : "store";
                // Every service waits for start-up warming ("warm", docs/caching.md), bounded in time.
                health.Services.Map(name, result => string.Equals(result.Name, check, StringComparison.Ordinal) || string.Equals(result.Name, "warm", StringComparison.Ordinal));
            }
        }).AddCheck<StoreHealthCheck>("store")
            .AddCheck<StartWarmingHealthCheck>("warm")

            // A service no check maps to reports UNKNOWN, so the read path has its own, always healthy.
            .AddCheck("reads", () => HealthCheckResult.Healthy("ratings are served, from the caches while the store is down"));
        return services;
    }

    private static void AddValidatedOptions<T>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
}

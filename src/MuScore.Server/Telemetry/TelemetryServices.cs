using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MuScore.Server.Caching;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Polly.Telemetry;

namespace MuScore.Server.Telemetry;

/// <summary>
/// OpenTelemetry for the server (docs/observability.md): metrics scraped on a listener of their
/// own and, when <see cref="OtlpEndpointKey"/> is set, exported over OTLP with the traces. Nothing
/// listens (and instruments cost next to nothing) when every exporter is off.
/// </summary>
internal static class TelemetryServices
{
    /// <summary>OpenTelemetry's own setting (an environment variable): where OTLP export goes; unset, nothing is exported.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Records spans without OTLP, for a tracer attached in-process (the tests).</summary>
    public const string TracingKey = "MuScore:Tracing:Enabled";

    /// <summary>The service.name of the telemetry's resource.</summary>
    public const string ServiceName = "muscore-server";

    /// <summary>Registers the instruments, and the exporters the configuration asks for.</summary>
    public static IServiceCollection AddMuScoreTelemetry(this IServiceCollection services, IConfiguration configuration, MetricsEndpoint? metrics)
    {
        AddInstruments(services);
        services.AddSingleton<RpcMetricsInterceptor>();
        services.TryAddSingleton<ServerGauges>();
        // Read once at start by MetricsEndpoint; registered so the settings are discoverable and validated like the others.
        services.AddOptions<MetricsOptions>().Bind(configuration.GetSection(MetricsOptions.Section));
        services.AddOptions<TelemetryOptions>().Configure<RedisBreakerState>(static (telemetry, breaker) => telemetry.TelemetryListeners.Add(breaker));

        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var settings = new TelemetrySettings(metrics, otlp, otlp || configuration.GetValue<bool>(TracingKey));
        services.AddSingleton(settings);
        if (metrics is null && !settings.Otlp && !settings.Tracing)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry().ConfigureResource(static resource => resource.AddService(ServiceName));
        if (metrics is not null || otlp)
        {
            telemetry.WithMetrics(meters => ConfigureMetrics(meters, metrics is not null, otlp));
        }

        if (settings.Tracing)
        {
            telemetry.WithTracing(tracing => ConfigureTracing(tracing, metrics, otlp));
        }

        return services;
    }

    /// <summary>The instruments alone, for hosts of the caching layer without the rest of the server (tests, benchmarks).</summary>
    public static void AddInstruments(IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<ServerMetrics>();
        services.TryAddSingleton<RedisBreakerState>();
    }

    /// <summary>
    /// Adds the scrape listener to the gRPC ones and maps <c>/metrics</c> on it alone: the gRPC
    /// ports never answer it, and the metrics port answers nothing else (404). Call before any
    /// other middleware, so no request to the metrics port reaches authentication or gRPC.
    /// </summary>
    public static void UseMuScoreTelemetry(this WebApplication app, ILogger logger)
    {
        var settings = app.Services.GetRequiredService<TelemetrySettings>();
        _ = app.Services.GetRequiredService<ServerGauges>();
        TelemetryLog.TelemetryConfigured(logger, settings.Tracing ? "recorded" : "off", settings.Otlp ? "on" : "off");
        if (settings.Metrics is not { } metrics)
        {
            return;
        }

        // Addresses set here replace the configured ones, so both go in; Kestrel:Endpoints, when
        // configured, replace all of them (docs/observability.md).
        var urls = app.Configuration[ServerHost.UrlsKey] ?? ServerHost.DefaultUrl;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            app.Urls.Add(url);
        }

        app.Urls.Add(metrics.Url);
        app.Use((context, next) =>
        {
            if (context.Connection.LocalPort == metrics.Port && !IsScrape(context, metrics))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context => IsScrape(context, metrics));
        TelemetryLog.MetricsListening(logger, metrics.Url, MetricsEndpoint.Path, metrics.Loopback ? "loopback" : $"beyond loopback, {MetricsEndpoint.AllowRemoteKey}=true");
    }

    private static bool IsScrape(HttpContext context, MetricsEndpoint metrics) =>
        context.Connection.LocalPort == metrics.Port && context.Request.Path.Equals(MetricsEndpoint.Path, StringComparison.Ordinal);

    private static void ConfigureMetrics(MeterProviderBuilder meters, bool prometheus, bool otlp)
    {
        // Not ASP.NET Core's http.server.request.duration: muscore.rpc.duration carries the gRPC
        // status that one cannot see, and a second histogram per call would cost the hot path twice.
        // Nor Kestrel's meter: its kestrel.queued_requests moves twice per request, with six tags.
        meters.AddMeter(ServerMetrics.MeterName);
        meters.AddNpgsqlInstrumentation();

        // Meters are process-wide; those made by another host's IMeterFactory (another server in
        // the same process, as in the tests) are that host's to report, not this one's.
        ((IDeferredMeterProviderBuilder)meters).Configure(static (services, builder) =>
        {
            var own = services.GetRequiredService<IMeterFactory>();
            builder.AddView(instrument => instrument.Meter.Scope is null || ReferenceEquals(instrument.Meter.Scope, own) ? null : MetricStreamConfiguration.Drop);
        });
        if (prometheus)
        {
            meters.AddPrometheusExporter();
        }

        if (otlp)
        {
            meters.AddOtlpExporter();
        }
    }

    private static void ConfigureTracing(TracerProviderBuilder tracing, MetricsEndpoint? metrics, bool otlp)
    {
        tracing.AddSource(ServerTracing.SourceName);
        tracing.AddAspNetCoreInstrumentation(options => options.Filter = context => metrics is null || context.Connection.LocalPort != metrics.Port);
        tracing.AddNpgsql();
        // Command names only: Redis keys contain credit codes.
        tracing.AddRedisInstrumentation(static redis => redis.SetVerboseDatabaseStatements = false).ConfigureRedisInstrumentation(static (services, redis) =>
        {
            if (services.GetRequiredService<SharedRedis>().Multiplexer is { } multiplexer)
            {
                redis.AddConnection(multiplexer);
            }
        });
        if (otlp)
        {
            tracing.AddOtlpExporter();
        }
    }
}

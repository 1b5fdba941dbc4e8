using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using System.Security.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MuScore.Server.Auditing;
using MuScore.Server.Diagnostics;
using MuScore.Server.Hosting;
using MuScore.Server.Security;
using MuScore.Server.Policies;
using MuScore.Server.Review;
using MuScore.Server.Services;
using MuScore.Server.Telemetry;
using MuScore.Server.Web;
using MuScore.Server.WebConsole;

namespace MuScore.Server;

/// <summary>
/// Builds the MuScore gRPC server: Kestrel, HTTP/2 without TLS (h2c), on <see cref="DefaultUrl"/>
/// unless <c>urls</c> says otherwise. Program.cs, <c>muscore serve</c> and the tests all start
/// the same server through it:
/// <code>
/// var app = ServerHost.Build(ServerHost.CreateBuilder(args, settings));
/// await app.RunAsync();
/// </code>
/// Settings (lowest to highest precedence): the defaults here, appsettings.json beside the
/// binary, environment variables (<c>MuScore__Store__Provider</c>), command-line arguments
/// (<c>--MuScore:Store:Provider=Postgres</c>, <c>--urls=http://0.0.0.0:5080</c>), then
/// the settings passed to <see cref="CreateBuilder"/>. See docs/service.md.
/// </summary>
public static class ServerHost
{
    /// <summary>Where the server listens when <c>urls</c> is not configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Configuration key of the listening URLs (ASP.NET Core's own; several are separated by ';').</summary>
    public const string UrlsKey = "urls";

    /// <summary>Configuration section of the store (<see cref="Store.RatingStoreOptions"/>).</summary>
    public const string StoreSection = ServerServices.StoreSection;

    private static readonly Dictionary<string, string?> Defaults = new(StringComparer.Ordinal)
    {
        [UrlsKey] = DefaultUrl,

        // A request log line per call would cost more than the call itself.
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    /// <summary>Configuration key of the Prometheus scrape listener's URL (default http://127.0.0.1:9464; "off" for none).</summary>
    public const string MetricsUrlKey = MetricsEndpoint.UrlKey;

    /// <summary>Where Prometheus scrapes when <see cref="MetricsUrlKey"/> is not configured.</summary>
    public const string DefaultMetricsUrl = MetricsEndpoint.DefaultUrl;

    /// <summary>Where the running server serves Prometheus metrics, null when that listener is off.</summary>
    public static Uri? MetricsUrl(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<TelemetrySettings>().Metrics is { } metrics ? new Uri(metrics.Url + MetricsEndpoint.Path) : null;
    }

    /// <summary>Configuration key of the web listener's URL (default http://127.0.0.1:5081; "off" for none).</summary>
    public const string WebUrlKey = WebEndpoint.UrlKey;

    /// <summary>Where the running server serves HTTP/JSON and the console, null when that listener is off.</summary>
    public static Uri? WebUrl(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Services.GetRequiredService<WebListener>().Endpoint is { } web ? new Uri(web.Url) : null;
    }

    /// <summary>A builder with every service of the server registered and configuration in place.</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--urls=…</c>).</param>
    /// <param name="settings">Configuration that overrides every other source, e.g. from tests or <c>muscore serve</c>.</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var tls = builder.Configuration.GetSection(TlsOptions.Section).Get<TlsOptions>() ?? new TlsOptions();
        var warnings = ListenPolicy.Check(builder.Configuration, auth, tls).ToList();
        var metrics = MetricsEndpoint.From(builder.Configuration, warnings);
        var web = WebEndpoint.From(builder.Configuration, auth, tls, warnings);
        HealthProbeListener.AddUrl(builder.Configuration);
        var certificate = tls.Configured ? TlsFiles.LoadServerCertificate(tls) : null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // gRPC needs HTTP/2; h2c has no protocol negotiation, and over TLS ALPN settles on h2.
            // The metrics listener is HTTP/1.1, what Prometheus scrapes with. The web listener
            // offers both over TLS (ALPN picks); in plaintext Kestrel could only speak HTTP/1.1 of
            // the two (and warns at every start if asked for both), so it is asked for that.
            kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = endpoint.IPEndPoint?.Port switch
            {
                { } port when port == metrics?.Port => HttpProtocols.Http1,
                { } port when port == web?.Port => web.Https ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1,
                _ => HttpProtocols.Http2,
            });
            if (certificate is not null)
            {
                kestrel.ConfigureHttpsDefaults(https =>
                {
                    https.ServerCertificate = certificate;
                    https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                    if (!string.IsNullOrWhiteSpace(tls.ClientCaFile))
                    {
                        // Asked for, not required; judged by ClientCertificateHandler so a refusal says why.
                        https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                        https.ClientCertificateValidation = (_, _, _) => true;
                    }
                });
            }
        });
        builder.Services.AddSingleton(new StartWarnings(warnings));
        builder.Services.AddSingleton(new WebListener(web));
        builder.Services.AddMuScoreAuthentication(builder.Configuration);
        builder.Services.AddMuScoreServer(builder.Configuration);
        builder.Services.AddMuScoreTelemetry(builder.Configuration, metrics);
        builder.Services.AddMuScoreConsole(builder.Configuration);
        builder.Services.AddMuScoreWebApi(builder.Configuration);
        return builder;
    }

    /// <summary>Builds the application and maps the rating, evaluation, health and reflection services, and the OpenAPI document.</summary>
    public static WebApplication Build(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var app = builder.Build();

        // The first lines the server logs say how it is secured (anonymous, plaintext) when it is not fully.
        var startLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MuScore.Server");
        foreach (var warning in app.Services.GetRequiredService<StartWarnings>().Lines)
        {
            Log.SecurityWarning(startLog, warning);
        }

        if (app.Configuration.GetSection(HealthProbeOptions.Section).Get<HealthProbeOptions>()?.ProbePort is { } probePort)
        {
            HealthProbeListener.Restrict(app, probePort);
        }

        app.UseMuScoreTelemetry(startLog);
        app.Services.GetRequiredService<WebListener>().Endpoint?.AddTo(app);

        if (app.Services.GetService<IAuthenticationSchemeProvider>() is not null)
        {
            app.UseAuthentication();
        }

        app.UseMuScoreWebApi();

        app.MapGrpcService<RatingGrpcService>();
        app.MapGrpcService<EvaluationGrpcService>();
        app.MapGrpcService<PolicyGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcService<ReviewGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapMuScoreConsole();
        app.MapMuScoreOpenApi();
        return app;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace MuScore.Server.Hosting;

/// <summary>
/// Adds the health probe listener (<see cref="HealthProbeOptions"/>) to the configured URLs, and
/// refuses everything but the health service on it. The listener is added after
/// <see cref="ListenPolicy"/> has judged the operator's URLs: it is plaintext beyond loopback by
/// design, and safe only because nothing but health statuses is answered there.
/// </summary>
internal static class HealthProbeListener
{
    private const string HealthPath = "/grpc.health.v1.Health";

    /// <summary>Appends the probe URL to <c>urls</c> when a probe port is configured.</summary>
    public static void AddUrl(IConfiguration configuration)
    {
        var port = configuration.GetSection(HealthProbeOptions.Section).Get<HealthProbeOptions>()?.ProbePort;
        if (port is { } p)
        {
            var urls = configuration[ServerHost.UrlsKey] ?? ServerHost.DefaultUrl;
            configuration[ServerHost.UrlsKey] = $"{urls};http://0.0.0.0:{p}";
        }
    }

    /// <summary>Answers any request on the probe port outside the health service 404 (gRPC: UNIMPLEMENTED), before authentication.</summary>
    public static void Restrict(WebApplication app, int port) =>
        app.Use(async (context, next) =>
        {
            if (context.Connection.LocalPort == port && !context.Request.Path.StartsWithSegments(HealthPath, StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context).ConfigureAwait(false);
        });
}

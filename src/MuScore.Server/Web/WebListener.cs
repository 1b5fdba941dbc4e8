using Microsoft.AspNetCore.Http;

namespace MuScore.Server.Web;

/// <summary>The web listener the server runs (a singleton), so handlers can tell its requests from the gRPC port's.</summary>
public sealed class WebListener(WebEndpoint? endpoint)
{
    /// <summary>The listener, null when <see cref="WebEndpoint.UrlKey"/> is "off".</summary>
    public WebEndpoint? Endpoint { get; } = endpoint;

    /// <summary>True when <paramref name="context"/> arrived on the web listener.</summary>
    public bool Serves(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Endpoint is { } web && context.Connection.LocalPort == web.Port;
    }
}

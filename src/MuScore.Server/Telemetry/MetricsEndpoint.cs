using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using MuScore.Server.Hosting;

namespace MuScore.Server.Telemetry;

/// <summary>
/// Where Prometheus scrapes <c>/metrics</c>: a listener of its own (<see cref="UrlKey"/>), plain
/// HTTP/1.1, never the gRPC port, so its settings cannot loosen the gRPC listener's TLS or
/// authentication. Loopback only unless <see cref="AllowRemoteKey"/> says otherwise in so many
/// words, which is then warned about at every start, as plaintext gRPC is (docs/security.md).
/// </summary>
internal sealed record MetricsEndpoint(string Url, int Port, bool Loopback)
{
    /// <summary>The scrape listener's URL; empty or "off" for none.</summary>
    public const string UrlKey = "MuScore:Metrics:Url";

    /// <summary>Set to true to let <see cref="UrlKey"/> name a host beyond loopback.</summary>
    public const string AllowRemoteKey = "MuScore:Metrics:AllowRemote";

    /// <summary>The default listener: loopback, the port Prometheus's exporters conventionally use.</summary>
    public const string DefaultUrl = "http://127.0.0.1:9464";

    /// <summary>The one path the listener serves.</summary>
    public const string Path = "/metrics";

    /// <summary>
    /// The configured endpoint, null when disabled; throws <see cref="ServerConfigurationException"/>
    /// for a URL the listener cannot or may not serve, and adds a warning for one beyond loopback.
    /// </summary>
    public static MetricsEndpoint? From(IConfiguration configuration, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(warnings);
        var options = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        var url = (options.Url ?? DefaultUrl).Trim();
        if (url.Length == 0 || string.Equals(url, "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal))
        {
            throw new ServerConfigurationException($"{url} ({UrlKey}) must be a plain http:// URL such as {DefaultUrl}, or \"off\": metrics are served without TLS, on a port of their own");
        }

        if (uri.IsDefaultPort || uri.Port == 0 || uri.AbsolutePath != "/")
        {
            throw new ServerConfigurationException($"{url} ({UrlKey}) must name a port and no path, such as {DefaultUrl}; the scrape path is {Path}");
        }

        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        var endpoint = new MetricsEndpoint(string.Create(CultureInfo.InvariantCulture, $"http://{uri.Authority}"), uri.Port, loopback);
        if (loopback)
        {
            return endpoint;
        }

        if (!options.AllowRemote)
        {
            throw new ServerConfigurationException($"{url} ({UrlKey}) is not loopback: anyone who reaches it could read the server's metrics; set {AllowRemoteKey}=true to serve them there, or keep the default {DefaultUrl}");
        }

        warnings.Add($"{endpoint.Url}{Path} serves metrics beyond loopback, unauthenticated and unencrypted ({AllowRemoteKey}=true): restrict who can reach the port");
        return endpoint;
    }
}

using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using MuScore.Server.Hosting;
using MuScore.Server.Security;

namespace MuScore.Server.Web;

/// <summary>
/// The web listener (<see cref="UrlKey"/>): HTTP/1.1 and HTTP/2 for browsers and JSON callers,
/// on a port of its own. Kestrel cannot serve h2c gRPC and HTTP/1.1 on one plaintext port (with
/// both protocols and no TLS it speaks HTTP/1.1 only: h2c has no negotiation), so the gRPC port
/// stays HTTP/2 and this one serves the JSON routes, the OpenAPI document and the console. Over
/// https it uses the gRPC listener's certificate and client CA, and ALPN picks h2 or http/1.1.
/// It is held to the gRPC listener's rules (<see cref="ListenPolicy"/>): plaintext and
/// anonymous callers on loopback only unless the operator says otherwise in so many words.
/// </summary>
public sealed record WebEndpoint(string Url, int Port, bool Https, bool Loopback)
{
    /// <summary>The listener's URL; empty or "off" for none.</summary>
    public const string UrlKey = "MuScore:Web:Url";

    /// <summary>The default listener: loopback, plaintext, the port after the gRPC default's.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5081";

    /// <summary>
    /// The configured listener, null when turned off; throws <see cref="ServerConfigurationException"/>
    /// for a URL the settings do not allow, and adds warnings as the gRPC listener's check does.
    /// </summary>
    internal static WebEndpoint? From(IConfiguration configuration, AuthOptions auth, TlsOptions tls, List<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        var url = (options.Url ?? DefaultUrl).Trim();
        if (url.Length == 0 || string.Equals(url, "off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ServerConfigurationException($"{url} ({UrlKey}) must be an http:// or https:// URL such as {DefaultUrl}, or \"off\"");
        }

        if (uri.IsDefaultPort || uri.Port == 0 || uri.AbsolutePath != "/")
        {
            throw new ServerConfigurationException($"{url} ({UrlKey}) must name a port and no path, such as {DefaultUrl}");
        }

        var https = uri.Scheme == Uri.UriSchemeHttps;
        if (https && !tls.Configured)
        {
            throw new ServerConfigurationException($"{url} ({UrlKey}) is https: set {TlsOptions.Section}:CertificateFile and {TlsOptions.Section}:KeyFile to PEM files of the server certificate and its key");
        }

        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        var endpoint = new WebEndpoint(string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{uri.Authority}"), uri.Port, https, loopback);
        if (loopback)
        {
            return endpoint;
        }

        if (!https && !tls.AllowPlaintext)
        {
            throw new ServerConfigurationException($"{url} ({UrlKey}) would serve plain HTTP beyond loopback, where tokens and ratings could be read on the wire: use https:// with {TlsOptions.Section}:CertificateFile and KeyFile, or set {TlsOptions.Section}:AllowPlaintext=true behind a TLS-terminating proxy");
        }

        if (!https)
        {
            warnings.Add($"{endpoint.Url} ({UrlKey}) serves plain HTTP beyond loopback ({TlsOptions.Section}:AllowPlaintext=true): only safe behind a TLS-terminating proxy");
        }

        if (!auth.Configured && !auth.AllowAnonymous)
        {
            throw new ServerConfigurationException($"{url} ({UrlKey}) is not loopback and no authentication is configured: set {AuthOptions.Section}:Jwt:PublicKeyFile or {AuthOptions.Section}:Clients (docs/security.md), or {AuthOptions.Section}:AllowAnonymous=true to serve anyone who reaches the port");
        }

        return endpoint;
    }

    /// <summary>
    /// Adds the listener to the addresses the application binds, after the telemetry setup (which
    /// copies <c>urls</c> into them when the metrics listener is on); the configured <c>urls</c>
    /// value itself is left as the operator wrote it.
    /// </summary>
    internal void AddTo(WebApplication app)
    {
        if (app.Urls.Count == 0)
        {
            // Addresses set here replace the configured ones, so both go in.
            var urls = app.Configuration[ServerHost.UrlsKey] ?? ServerHost.DefaultUrl;
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                app.Urls.Add(url);
            }
        }

        app.Urls.Add(Url);
    }
}

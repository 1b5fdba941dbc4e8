using System.Net;
using Microsoft.Extensions.Configuration;
using MuScore.Server.Security;

namespace MuScore.Server.Hosting;

/// <summary>
/// Checks at start where the server is asked to listen against how it is secured: https needs a
/// certificate; plain HTTP/2 (h2c) and anonymous callers are for loopback only, unless the
/// operator says otherwise in so many words (<see cref="TlsOptions.AllowPlaintext"/>,
/// <see cref="AuthOptions.AllowAnonymous"/>), which is then warned about at every start.
/// </summary>
internal static class ListenPolicy
{
    /// <summary>Throws <see cref="ServerConfigurationException"/> for a listener the settings do not allow; returns the warnings to log.</summary>
    public static IReadOnlyList<string> Check(IConfiguration configuration, AuthOptions auth, TlsOptions tls)
    {
        var warnings = new List<string>();
        var urls = Urls(configuration);
        foreach (var url in urls)
        {
            var (https, host) = Parse(url);
            if (https && !tls.Configured)
            {
                throw new ServerConfigurationException($"{url} (urls) is https: set {TlsOptions.Section}:CertificateFile and {TlsOptions.Section}:KeyFile to PEM files of the server certificate and its key");
            }

            if (IsLoopback(host))
            {
                continue;
            }

            if (!https && !tls.AllowPlaintext)
            {
                throw new ServerConfigurationException($"{url} (urls) would serve plain HTTP/2 beyond loopback, where tokens and ratings could be read on the wire: use https:// with {TlsOptions.Section}:CertificateFile and KeyFile, or set {TlsOptions.Section}:AllowPlaintext=true behind a TLS-terminating proxy");
            }

            if (!https)
            {
                warnings.Add($"{url} serves plain HTTP/2 beyond loopback ({TlsOptions.Section}:AllowPlaintext=true): only safe behind a TLS-terminating proxy");
            }

            if (!auth.Configured && !auth.AllowAnonymous)
            {
                throw new ServerConfigurationException($"{url} (urls) is not loopback and no authentication is configured: set {AuthOptions.Section}:Jwt:PublicKeyFile or {AuthOptions.Section}:Clients (docs/security.md), or {AuthOptions.Section}:AllowAnonymous=true to serve anyone who reaches the port");
            }
        }

        if (!auth.Configured)
        {
            warnings.Insert(0, auth.AllowAnonymous && urls.Any(u => !IsLoopback(Parse(u).Host))
                ? $"no authentication is configured and {AuthOptions.Section}:AllowAnonymous=true: ANY caller that reaches {string.Join(", ", urls)} may submit, publish and read every figure"
                : $"no authentication is configured: anonymous callers on loopback only ({string.Join(", ", urls)}), with every scope and region");
        }

        return warnings;
    }

    private static List<string> Urls(IConfiguration configuration)
    {
        var urls = (configuration[ServerHost.UrlsKey] ?? ServerHost.DefaultUrl)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();

        // Endpoints configured through Kestrel's own section are listeners too.
        urls.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls;
    }

    private static (bool Https, string Host) Parse(string url)
    {
        var https = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var rest = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']', StringComparison.Ordinal) + 1)] : rest.Split(':', '/')[0];
        return (https, host);
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MuScore.Server;
using MuScore.Server.Security;
using MuScore.Store;

namespace MuScore.Cli.Serving;

/// <summary>
/// What <c>muscore serve</c> prints once the server listens: the addresses, where the data goes and
/// whether Redis is used. Never a password: connection strings are reduced to file, host and database.
/// </summary>
internal static class ServerDescription
{
    public static string Of(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var store = app.Services.GetRequiredService<IOptions<RatingStoreOptions>>().Value;
        var redis = app.Configuration[ServeOptions.RedisKey];
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var metrics = ServerHost.MetricsUrl(app);
        var web = ServerHost.WebUrl(app);

        // The metrics and web listeners are among the server's addresses, but not gRPC ones.
        var urls = app.Urls.Where(u => !Uri.TryCreate(u, UriKind.Absolute, out var uri) || (uri.Port != metrics?.Port && uri.Port != web?.Port)).ToList();
        var transport = urls.All(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ? "TLS"
            : urls.Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ? "TLS and plain" : "no TLS";
        var callers = auth.Configured
            ? string.Join(" and ", new[] { auth.JwtConfigured ? "bearer tokens" : null, auth.Clients.Count > 0 ? "client certificates" : null }.OfType<string>())
            : "anonymous (no authentication configured)";
        return
            $"muscore serve: gRPC (HTTP/2, {transport}) listening on {string.Join(", ", urls)}\n" +
            $"  web: {(web is null ? "off" : $"HTTP/JSON, OpenAPI and the console at {web.GetLeftPart(UriPartial.Authority)}")}\n" +
            $"  metrics: {(metrics is null ? "off" : $"Prometheus at {metrics}")}\n" +
            $"  callers: {callers}\n" +
            $"  store: {Store(store)}\n" +
            $"  cache: in process{(string.IsNullOrWhiteSpace(redis) ? ", no Redis" : $" and Redis at {redis.Split(',')[0].Trim()}")}\n" +
            "Press Ctrl-C to stop.\n";
    }

    private static string Store(RatingStoreOptions options)
    {
        var values = new DbConnectionStringBuilder { ConnectionString = options.EffectiveConnectionString };
        if (options.Provider == StoreProvider.Sqlite)
        {
            var file = Value(values, "Data Source", "DataSource", "Filename") ?? RatingStoreOptions.DefaultSqliteFile;

            // SQLite resolves a relative file against the working directory.
            return file.Equals(":memory:", StringComparison.OrdinalIgnoreCase) ? "SQLite in memory (nothing is kept)" : $"SQLite file {Path.GetFullPath(file)}";
        }

        var host = Value(values, "Host", "Server") ?? "(default host)";
        var database = Value(values, "Database") ?? "(default database)";
        return $"PostgreSQL database {database} on {host}";
    }

    private static string? Value(DbConnectionStringBuilder values, params string[] keys) =>
        keys.Select(k => values.TryGetValue(k, out var value) ? value?.ToString() : null).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The configured URLs before start (for messages when binding fails).</summary>
    public static string ConfiguredUrls(WebApplication app) => app.Configuration[ServerHost.UrlsKey] ?? ServerHost.DefaultUrl;
}

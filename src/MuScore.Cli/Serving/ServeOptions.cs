using System.Globalization;
using MuScore.Cli.Arguments;
using MuScore.Server;

namespace MuScore.Cli.Serving;

/// <summary>
/// The checked options of "muscore serve", as server configuration. Only the options given become
/// settings, so that an option not given leaves appsettings.json and environment variables
/// (<c>MuScore__Store__Provider</c>, …) in charge; see docs/service.md.
/// </summary>
internal sealed record ServeOptions(IReadOnlyDictionary<string, string?> Settings)
{
    /// <summary>Configuration key of the Redis connection string.</summary>
    public const string RedisKey = "MuScore:Redis:ConnectionString";

    /// <summary>Configuration section of the policy files; each file is an index under it.</summary>
    public const string PolicyFilesKey = "MuScore:Policies:Files";

    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        OptionSpec.Value("urls", "URLS", $"where to listen, ';' between several (default {ServerHost.DefaultUrl}; http://0.0.0.0:5080 for every interface)"),
        OptionSpec.Value("store", "sqlite|postgres", "the system of record (default sqlite)"),
        OptionSpec.Value("connection-string", "TEXT", "the store's connection string (default for sqlite: Data Source=muscore.db in the working directory)"),
        OptionSpec.Value("redis", "CONFIG", "a Redis to share the cache with other instances, e.g. 127.0.0.1:6379 (default: none)"),
        OptionSpec.Value("metrics", "URL", $"where Prometheus scrapes /metrics, plain HTTP (default {ServerHost.DefaultMetricsUrl}; off for none)"),
        OptionSpec.Value("web", "URL", "where HTTP/JSON callers and browsers connect: the JSON routes, /openapi/v1.json and the console (default http://127.0.0.1:5081; off for none)"),
        OptionSpec.Values("policy", "FILE", "a region's policy JSON added to the presets, e.g. its water or land-use tax relief tables (repeatable)"),
    ];

    /// <exception cref="CommandFailure">A value is malformed (exit code 2).</exception>
    public static ServeOptions From(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Positionals.Count > 0)
        {
            throw CommandFailure.Usage($"unexpected argument '{args.Positionals[0]}'");
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (args.Value("urls") is { } urls)
        {
            foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    throw CommandFailure.Usage($"--urls: '{url}' is not an http:// URL such as {ServerHost.DefaultUrl}");
                }
            }

            settings[ServerHost.UrlsKey] = urls;
        }

        if (args.Value("store") is { } store)
        {
            settings[$"{ServerHost.StoreSection}:Provider"] = store.ToUpperInvariant() switch
            {
                "SQLITE" => "Sqlite",
                "POSTGRES" or "POSTGRESQL" => "Postgres",
                _ => throw CommandFailure.Usage($"--store '{store}' is not sqlite or postgres"),
            };
        }

        if (args.Value("connection-string") is { } connection)
        {
            settings[$"{ServerHost.StoreSection}:ConnectionString"] = connection;
        }

        if (args.Value("redis") is { } redis)
        {
            settings[RedisKey] = redis;
        }

        if (args.Value("metrics") is { } metrics)
        {
            // Checked by the server, which names the setting in its refusal.
            settings[ServerHost.MetricsUrlKey] = metrics;
        }

        if (args.Value("web") is { } web)
        {
            // Checked by the server, which names the setting in its refusal.
            settings[ServerHost.WebUrlKey] = web;
        }

        var policies = args.Values("policy");
        for (var i = 0; i < policies.Count; i++)
        {
            // Absolute, so the server reads the file the user named whatever its content root.
            settings[string.Create(CultureInfo.InvariantCulture, $"{PolicyFilesKey}:{i}")] = Path.GetFullPath(policies[i]);
        }

        return new ServeOptions(settings);
    }
}

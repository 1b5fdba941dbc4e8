using MuScore.Store;

namespace MuScore.TestSupport.Server;

/// <summary>
/// How a <see cref="ServerInstance"/> is configured. With no store settings it gets its own
/// SQLite file in a fresh temporary directory, deleted when the instance is disposed.
/// </summary>
public sealed record ServerSettings
{
    /// <summary>The store kind (default SQLite).</summary>
    public StoreProvider StoreProvider { get; init; } = StoreProvider.Sqlite;

    /// <summary>A full store connection string (required for PostgreSQL); wins over <see cref="SqliteFile"/>.</summary>
    public string? StoreConnectionString { get; init; }

    /// <summary>A SQLite file to use (and keep); share it between instances or restarts to share data.</summary>
    public string? SqliteFile { get; init; }

    /// <summary>A Redis configuration string; null runs without Redis.</summary>
    public string? RedisConnectionString { get; init; }

    /// <summary>Whether the in-process cache is on (default true).</summary>
    public bool CacheEnabled { get; init; } = true;

    /// <summary>Any further configuration, e.g. <c>["MuScore:Limits:MaxRecordsPerRun"] = "10"</c>; wins over the settings above.</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    /// <summary>TLS from this test CA's server certificate: the server listens on https://127.0.0.1 (and asks for client certificates).</summary>
    public Security.TestPki? Tls { get; init; }

    /// <summary>Bearer tokens signed by these test keys are accepted (<c>MuScore:Auth:Jwt</c>).</summary>
    public Security.TestTokens? Tokens { get; init; }

    /// <summary>Receives everything the server logs (at the levels configured), from the start-up warnings on.</summary>
    public CapturedLogs? Logs { get; init; }

    /// <summary>
    /// Runs on the server's services after its own registrations, e.g. to replace a clock a test
    /// must move (a later registration of a service wins).
    /// </summary>
    public Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? Services { get; init; }

    /// <summary>A SQLite-backed server on the given file.</summary>
    public static ServerSettings Sqlite(string file) => new() { SqliteFile = file };

    /// <summary>A PostgreSQL-backed server.</summary>
    public static ServerSettings Postgres(string connectionString) =>
        new() { StoreProvider = StoreProvider.Postgres, StoreConnectionString = connectionString };
}

using Grpc.Health.V1;
using MuScore.TestSupport.Postgres;
using MuScore.TestSupport.Redis;
using MuScore.TestSupport.Server;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace MuScore.Server.Tests.Caching.Support;

/// <summary>
/// A PostgreSQL of the test's own (it is stopped), a redis-server, and a server on both with
/// pointer lifetimes far under any outage, so a pointer dropped on a timer fails a read. Started
/// with every read service SERVING, since start-up warming holds them for a while.
/// </summary>
internal sealed class OutageStack : IAsyncDisposable
{
    /// <summary>Pointer lifetimes of the stack's server.</summary>
    public static readonly IReadOnlyDictionary<string, string?> ShortPointers = new Dictionary<string, string?>
    {
        ["MuScore:Cache:PointerTtl"] = "00:00:00.200",
        ["MuScore:Cache:PointerTtlWithoutSubscription"] = "00:00:00.100",
        ["MuScore:Cache:RedisPointerTtl"] = "00:00:01",
    };

    private OutageStack(PostgresServer postgres, RedisServer redis, ServerInstance server)
    {
        Postgres = postgres;
        Redis = redis;
        Server = server;
    }

    public PostgresServer Postgres { get; }

    public RedisServer Redis { get; }

    public ServerInstance Server { get; }

    /// <summary>Starts the stack; <paramref name="settings"/> are added to <see cref="ShortPointers"/>.</summary>
    public static async Task<OutageStack> StartAsync(string databasePrefix, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var postgres = await PostgresServer.StartAsync();
        var redis = await RedisServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync(PostgresServer.UniqueDatabaseName(databasePrefix));
        var configuration = new Dictionary<string, string?>(ShortPointers);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var server = await ServerInstance.StartAsync(ServerSettings.Postgres(database) with
        {
            RedisConnectionString = redis.ConnectionString,
            Configuration = configuration,
        });
        Assert.True(await server.ServingAsync("muscore.v1.RatingService", TimeSpan.FromSeconds(15)));
        Assert.True(await server.ServingAsync("muscore.v1.PolicyService", TimeSpan.FromSeconds(15)));
        return new OutageStack(postgres, redis, server);
    }

    /// <summary>The health status the server reports for <paramref name="service"/>.</summary>
    public async Task<ServingStatus> HealthAsync(string service) =>
        (await Server.Health.CheckAsync(new HealthCheckRequest { Service = service })).Status;

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

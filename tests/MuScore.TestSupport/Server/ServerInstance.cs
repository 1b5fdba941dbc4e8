using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using MuScore.Contracts.V1;
using MuScore.Server;

namespace MuScore.TestSupport.Server;

/// <summary>
/// The real MuScore server started in-process on a free loopback port (HTTP/2 without TLS),
/// with a real gRPC channel to it. Several instances may run at once; <see cref="RestartAsync"/>
/// stops the server and starts a new one on the same port and the same data.
/// </summary>
public sealed class ServerInstance : IAsyncDisposable
{
    private readonly IReadOnlyList<KeyValuePair<string, string?>> configuration;
    private readonly string? ownedDirectory;
    private WebApplication? app;
    private GrpcChannel? channel;

    private ServerInstance(ServerSettings settings, int port)
    {
        Port = port;
        Address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var connectionString = settings.StoreConnectionString;
        if (connectionString is null)
        {
            var file = settings.SqliteFile;
            if (file is null)
            {
                ownedDirectory = Directory.CreateTempSubdirectory("muscore-server-").FullName;
                file = Path.Combine(ownedDirectory, "muscore.db");
            }

            connectionString = $"Data Source={file}";
        }

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [ServerHost.UrlsKey] = Address.ToString().TrimEnd('/'),
            [$"{ServerHost.StoreSection}:Provider"] = settings.StoreProvider.ToString(),
            [$"{ServerHost.StoreSection}:ConnectionString"] = connectionString,
            ["MuScore:Redis:ConnectionString"] = settings.RedisConnectionString ?? string.Empty,
            ["MuScore:Cache:Enabled"] = settings.CacheEnabled ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings.Configuration)
        {
            values[key] = value;
        }

        StoreConnectionString = connectionString;
        configuration = [.. values];
    }

    /// <summary>The loopback port the server listens on (the same after a restart).</summary>
    public int Port { get; }

    /// <summary>The server's address, e.g. http://127.0.0.1:40123.</summary>
    public Uri Address { get; }

    /// <summary>The store connection string the server uses.</summary>
    public string StoreConnectionString { get; }

    /// <summary>The running server's services (for white-box checks); throws when stopped.</summary>
    public IServiceProvider Services => (app ?? throw new InvalidOperationException("the server is stopped")).Services;

    /// <summary>A channel to the running server; a new one after each restart.</summary>
    public GrpcChannel Channel => channel ?? throw new InvalidOperationException("the server is stopped");

    /// <summary>A RatingService client on <see cref="Channel"/>.</summary>
    public RatingService.RatingServiceClient Ratings => new(Channel);

    /// <summary>An EvaluationService client on <see cref="Channel"/>.</summary>
    public EvaluationService.EvaluationServiceClient Evaluation => new(Channel);

    /// <summary>A grpc.health.v1 client on <see cref="Channel"/>.</summary>
    public Health.HealthClient Health => new(Channel);

    /// <summary>Starts a server with the given settings and waits until it listens.</summary>
    public static async Task<ServerInstance> StartAsync(ServerSettings? settings = null)
    {
        var instance = new ServerInstance(settings ?? new ServerSettings(), FreePort());
        try
        {
            await instance.StartServerAsync().ConfigureAwait(false);
            return instance;
        }
        catch
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the server gracefully (in-flight calls finish); the data stays.</summary>
    public async Task StopAsync()
    {
        channel?.Dispose();
        channel = null;
        if (app is { } running)
        {
            app = null;
            await running.StopAsync().ConfigureAwait(false);
            await running.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops the server and starts a new one on the same port and data.</summary>
    public async Task RestartAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await StartServerAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (ownedDirectory is not null)
        {
            // Pooled connections keep the file open; close this server's before deleting it.
            using (var connection = new SqliteConnection(StoreConnectionString))
            {
                SqliteConnection.ClearPool(connection);
            }

            Directory.Delete(ownedDirectory, recursive: true);
        }
    }

    private async Task StartServerAsync()
    {
        var started = ServerHost.Build(ServerHost.CreateBuilder([], configuration));
        try
        {
            await started.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await started.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        app = started;
        channel = GrpcChannel.ForAddress(Address);
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}

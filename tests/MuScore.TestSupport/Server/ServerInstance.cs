using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
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
    private const int StartAttempts = 5;

    private readonly IReadOnlyList<KeyValuePair<string, string?>> configuration;
    private readonly string? ownedDirectory;
    private readonly Security.TestPki? pki;
    private readonly CapturedLogs? logs;
    private readonly Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services;
    private WebApplication? app;
    private GrpcChannel? channel;

    private ServerInstance(ServerSettings settings, int port, int metricsPort, int webPort)
    {
        Port = port;
        MetricsPort = metricsPort;
        WebPort = webPort;
        MetricsAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{metricsPort}/metrics"));
        pki = settings.Tls;
        logs = settings.Logs;
        services = settings.Services;
        Address = new Uri(string.Create(CultureInfo.InvariantCulture, $"{(pki is null ? "http" : "https")}://127.0.0.1:{port}"));
        WebAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"{(pki is null ? "http" : "https")}://127.0.0.1:{webPort}"));
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

            // A free port of its own: the default (9464) would clash between servers started side by side.
            [ServerHost.MetricsUrlKey] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{metricsPort}"),
            [ServerHost.WebUrlKey] = WebAddress.ToString().TrimEnd('/'),
        };
        if (pki is not null)
        {
            values["MuScore:Tls:CertificateFile"] = pki.ServerCertificateFile;
            values["MuScore:Tls:KeyFile"] = pki.ServerKeyFile;
            values["MuScore:Tls:ClientCaFile"] = pki.AuthorityFile;
        }

        if (settings.Tokens is { } tokens)
        {
            values["MuScore:Auth:Jwt:PublicKeyFile"] = tokens.PublicKeyFile;
            values["MuScore:Auth:Jwt:Issuer"] = Security.TestTokens.Issuer;
            values["MuScore:Auth:Jwt:Audience"] = Security.TestTokens.Audience;
        }

        foreach (var (key, value) in settings.Configuration)
        {
            values[key] = value;
        }

        StoreConnectionString = connectionString;
        configuration = [.. values];
    }

    /// <summary>The loopback port the server listens on (the same after a restart).</summary>
    public int Port { get; }

    /// <summary>The loopback port of the Prometheus scrape listener (unless the settings turn it off or move it).</summary>
    public int MetricsPort { get; }

    /// <summary>Where the server serves Prometheus metrics, e.g. http://127.0.0.1:40124/metrics.</summary>
    public Uri MetricsAddress { get; }

    /// <summary>The loopback port of the web listener (HTTP/JSON, OpenAPI, the console).</summary>
    public int WebPort { get; }

    /// <summary>
    /// The web listener's address, e.g. http://127.0.0.1:40125 (https with <see cref="ServerSettings.Tls"/>):
    /// HTTP/1.1, and HTTP/2 over TLS, unless the settings turn it off or move it.
    /// </summary>
    public Uri WebAddress { get; }

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

    /// <summary>
    /// Waits until <paramref name="service"/> reports SERVING: listening is not serving, since start-up
    /// warming holds every service NOT_SERVING for a while (docs/caching.md); false if it never does.
    /// </summary>
    public async Task<bool> ServingAsync(string service, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var status = (await Health.CheckAsync(new HealthCheckRequest { Service = service }).ConfigureAwait(false)).Status;
            if (status == HealthCheckResponse.Types.ServingStatus.Serving)
            {
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Starts a server with the given settings and waits until it listens.</summary>
    public static async Task<ServerInstance> StartAsync(ServerSettings? settings = null)
    {
        // A free port can be taken between probing and binding (other test processes share the
        // machine): try fresh ones a few times.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            int metricsPort;
            do
            {
                metricsPort = FreePort();
            }
            while (metricsPort == port);

            int webPort;
            do
            {
                webPort = FreePort();
            }
            while (webPort == port || webPort == metricsPort);

            var instance = new ServerInstance(settings ?? new ServerSettings(), port, metricsPort, webPort);
            try
            {
                await instance.StartServerAsync().ConfigureAwait(false);
                return instance;
            }
            catch (IOException e) when (attempt < StartAttempts && e.InnerException is AddressInUseException)
            {
                await instance.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await instance.DisposeAsync().ConfigureAwait(false);
                throw;
            }
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
        var builder = ServerHost.CreateBuilder([], configuration);
        services?.Invoke(builder.Services);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        var started = ServerHost.Build(builder);
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
        channel = OpenChannel(null, null);
    }

    /// <summary>
    /// A new channel to the running server that sends <paramref name="token"/> as a bearer token
    /// on every call and presents <paramref name="clientCertificate"/> in the TLS handshake; over
    /// https it trusts the test CA only. The caller disposes it.
    /// </summary>
    public GrpcChannel ChannelAs(string? token, X509Certificate2? clientCertificate = null) => OpenChannel(token, clientCertificate);

    /// <summary>
    /// A new HTTP client for the web listener (<see cref="WebAddress"/> as base address) that sends
    /// <paramref name="token"/> as a bearer token, presents <paramref name="clientCertificate"/> over
    /// TLS, trusts the test CA only, and speaks exactly <paramref name="version"/> (default HTTP/1.1,
    /// what browsers and JSON callers use). The caller disposes it.
    /// </summary>
    public HttpClient WebClient(string? token = null, X509Certificate2? clientCertificate = null, Version? version = null)
    {
        var handler = new SocketsHttpHandler();
        if (pki is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => pki.Trusts(certificate as X509Certificate2);
            if (clientCertificate is not null)
            {
                handler.SslOptions.ClientCertificates = [clientCertificate];
            }
        }

        var client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = WebAddress,
            DefaultRequestVersion = version ?? HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return client;
    }

    private GrpcChannel OpenChannel(string? token, X509Certificate2? clientCertificate)
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (pki is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => pki.Trusts(certificate as X509Certificate2);
            if (clientCertificate is not null)
            {
                handler.SslOptions.ClientCertificates = [clientCertificate];
            }
        }

        var options = new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true };
        if (token is not null)
        {
            var bearer = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            });
            options.Credentials = ChannelCredentials.Create(pki is null ? ChannelCredentials.Insecure : ChannelCredentials.SecureSsl, bearer);
            options.UnsafeUseInsecureChannelCallCredentials = pki is null;
        }

        return GrpcChannel.ForAddress(Address, options);
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;

namespace MuScore.TestSupport.Postgres;

/// <summary>
/// A real, throw-away PostgreSQL server for integration tests: a fresh cluster (initdb, trust
/// authentication, superuser <c>postgres</c>, UTF-8, C locale, fsync off) in a temporary directory,
/// listening on a free loopback port. It is stopped and its directory deleted on dispose. Requires
/// the Debian package <c>postgresql</c> (the newest /usr/lib/postgresql/&lt;version&gt;/bin is used);
/// tests never install it.
/// </summary>
/// <remarks>
/// As an xUnit fixture (started by <see cref="IAsyncLifetime.InitializeAsync"/>):
/// <code>
/// public sealed class MyTests(PostgresServer postgres) : IClassFixture&lt;PostgresServer&gt; { … }
/// // or, one server for several classes, declared in the test assembly:
/// [CollectionDefinition("postgres")] public sealed class PostgresCollection : ICollectionFixture&lt;PostgresServer&gt;;
/// </code>
/// Give each test its own database: <c>await postgres.CreateDatabaseAsync(PostgresServer.UniqueDatabaseName("store"))</c>.
/// Outside xUnit: <c>await using var postgres = await PostgresServer.StartAsync();</c>.
/// </remarks>
public sealed partial class PostgresServer : IAsyncLifetime, IAsyncDisposable
{
    private readonly string bin = PostgresBinaries.Locate();
    private string? root;
    private bool disposed;

    /// <summary>The loopback port the server listens on (0 before start).</summary>
    public int Port { get; private set; }

    /// <summary>Whether the server was started and not stopped or killed since.</summary>
    public bool IsRunning { get; private set; }

    private string DataDirectory => Path.Combine(root!, "data");

    private string SocketDirectory => Path.Combine(root!, "socket");

    private string LogFile => Path.Combine(root!, "postgres.log");

    /// <summary>Creates a cluster and starts a server on a free loopback port.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new PostgresServer();
        try
        {
            await server.CreateAndStartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>An Npgsql connection string for a database of this server (user postgres, no password).</summary>
    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=5;Command Timeout=60");

    /// <summary>A database name no other test uses: the prefix, an underscore and 16 hex digits.</summary>
    public static string UniqueDatabaseName(string prefix = "test") =>
        $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 17)].ToLowerInvariant();

    /// <summary>Creates an empty database and returns its connection string.</summary>
    /// <exception cref="ArgumentException">The name is not 1–63 lower-case letters, digits and underscores.</exception>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"database name '{name}' must be 1-63 characters of a-z, 0-9 and _, starting with a letter", nameof(name));
        }

        await PostgresProcess.RunAsync(
            Path.Combine(bin, "psql"),
            ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-q", "-c", $"CREATE DATABASE \"{name}\""],
            asServiceUser: false,
            cancellationToken).ConfigureAwait(false);
        return ConnectionString(name);
    }

    /// <summary>Stops the server at once (<c>pg_ctl stop -m immediate</c>); the data stays for <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (!IsRunning)
        {
            return;
        }

        await PgCtlAsync(["stop", "-m", "immediate", "-w"], cancellationToken).ConfigureAwait(false);
        IsRunning = false;
    }

    /// <summary>
    /// Kills the postmaster with SIGKILL, as a crash would, and waits until its backends have gone
    /// too, so clients see refused connections and <see cref="RestartAsync"/> can start at once.
    /// </summary>
    public void Kill()
    {
        if (!IsRunning)
        {
            return;
        }

        var postmaster = int.Parse(File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var backends = ChildProcesses.Of(postmaster);
        using (var process = Process.GetProcessById(postmaster))
        {
            process.Kill();
            process.WaitForExit();
        }

        ChildProcesses.WaitForExit(backends, TimeSpan.FromSeconds(30));
        IsRunning = false;
    }

    /// <summary>Starts the server again on the same port and data (after <see cref="StopAsync"/> or <see cref="Kill"/>).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken).ConfigureAwait(false);
        await StartServerAsync(Port, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the server and deletes its directory. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        finally
        {
            if (root is not null && Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <inheritdoc/>
    Task IAsyncLifetime.InitializeAsync() => CreateAndStartAsync(CancellationToken.None);

    /// <inheritdoc/>
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}

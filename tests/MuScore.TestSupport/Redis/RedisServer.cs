using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MuScore.TestSupport.Redis;

/// <summary>
/// A real redis-server (Debian package <c>redis-server</c>) on a free loopback port, without
/// persistence, owned by one test class. <see cref="Kill"/> and <see cref="RestartAsync"/> inject
/// the failures the cache must survive; the port stays the same so clients reconnect by themselves.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string executable;
    private Process? process;

    private RedisServer(string executable, int port)
    {
        this.executable = executable;
        Port = port;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>Whether the process is running.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>Starts a server on a free port and waits until it answers PING.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        var server = new RedisServer(FindExecutable(), FreePort());
        await server.StartProcessAsync().ConfigureAwait(false);
        return server;
    }

    /// <summary>Kills the server with SIGKILL (no shutdown, no goodbye to clients) and waits for it to exit.</summary>
    public void Kill()
    {
        if (process is not { } running)
        {
            return;
        }

        if (!running.HasExited)
        {
            running.Kill(entireProcessTree: false);
            running.WaitForExit();
        }

        running.Dispose();
        process = null;
    }

    /// <summary>
    /// Freezes the server with SIGSTOP: connections stay open but nothing is answered, which is what
    /// a stalled host looks like to a client (unlike <see cref="Kill"/>, which refuses at once).
    /// </summary>
    public void Pause() => Signal("STOP");

    /// <summary>Lets a paused server run again with SIGCONT; it answers everything it queued.</summary>
    public void Resume() => Signal("CONT");

    /// <summary>Starts the server again on the same port (killing it first if it runs); it comes back empty.</summary>
    public async Task RestartAsync()
    {
        Kill();
        await StartProcessAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private void Signal(string signal)
    {
        var running = process ?? throw new InvalidOperationException("redis-server is not running");
        // .NET has no API for SIGSTOP/SIGCONT; kill(1) sends them by process id.
        using var kill = Process.Start("kill", [$"-{signal}", running.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {running.Id} exited with code {kill.ExitCode}");
        }
    }

    private async Task StartProcessAsync()
    {
        var info = new ProcessStartInfo(executable);
        foreach (var argument in new[]
                 {
                     "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                     "--save", "", "--appendonly", "no", "--daemonize", "no",
                 })
        {
            info.ArgumentList.Add(argument);
        }

        process = (await RedisProcess.StartAsync(info, Port).ConfigureAwait(false)).Process;
    }





    private static string FindExecutable()
    {
        SystemPackages.Ensure("redis-server", () => Candidates().Any(File.Exists));
        return Candidates().FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "redis-server was not found on PATH; the Redis tests need a real server: install it with `apt-get install -y redis-server`");
    }

    private static IEnumerable<string> Candidates()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/local/bin")
            .Select(directory => Path.Combine(directory, "redis-server"));
        return candidates;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MuScore.TestSupport.Redis;

/// <summary>
/// One redis-server process of a <see cref="RedisCluster"/> or <see cref="RedisSentinelSet"/>, on a
/// free loopback port, started with the arguments its set gives it, in the set's directory.
/// </summary>
public sealed class RedisNode : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly StringBuilder output = new();
    private readonly IReadOnlyList<string> arguments;
    private readonly string directory;
    private Process? process;

    internal RedisNode(int port, string directory, IReadOnlyList<string> arguments)
    {
        Port = port;
        this.directory = directory;
        this.arguments = arguments;
    }

    /// <summary>The loopback port the node listens on.</summary>
    public int Port { get; }

    /// <summary>"127.0.0.1:port".</summary>
    public string EndPoint => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>Whether the process is running.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>Kills the node with SIGKILL (no goodbye to clients or peers) and waits for it to exit.</summary>
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

    /// <inheritdoc />
    public void Dispose() => Kill();

    /// <summary>Runs one command on this node through redis-cli and returns its raw reply text.</summary>
    public Task<string> CommandAsync(params string[] command) => RedisCli.RunAsync(["-p", Port.ToString(CultureInfo.InvariantCulture), .. command]);

    internal async Task StartAsync()
    {
        var info = new ProcessStartInfo(RedisCli.Executable("redis-server"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var started = Process.Start(info) ?? throw new InvalidOperationException("could not start redis-server");
        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        process = started;

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException($"redis-server on port {Port} exited with code {started.ExitCode}:\n{Output()}");
            }

            if (await PingAsync().ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        Kill();
        throw new InvalidOperationException($"redis-server on port {Port} did not answer PING within {StartTimeout.TotalSeconds} s:\n{Output()}");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token).ConfigureAwait(false);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

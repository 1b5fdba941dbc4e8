using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MuScore.TestSupport.Redis;

/// <summary>
/// One redis-server process of a <see cref="RedisCluster"/> or <see cref="RedisSentinelSet"/>, on a
/// free loopback port, started with the arguments its set gives it, in the set's directory.
/// </summary>
public sealed class RedisNode : IDisposable
{
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
            WorkingDirectory = directory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        process = (await RedisProcess.StartAsync(info, Port).ConfigureAwait(false)).Process;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }




}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MuScore.TestSupport.Redis;

/// <summary>
/// Starts one redis-server process (a standalone server, a cluster node, a sentinel) and waits until
/// it answers PING, keeping its output for the error message when it does not.
/// </summary>
internal sealed class RedisProcess
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly StringBuilder output = new();

    private RedisProcess(Process process) => Process = process;

    public Process Process { get; }

    /// <summary>Starts <paramref name="info"/> and returns once port <paramref name="port"/> answers PING; kills it and throws otherwise.</summary>
    public static async Task<RedisProcess> StartAsync(ProcessStartInfo info, int port)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var started = new RedisProcess(Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}"));
        started.Process.OutputDataReceived += (_, e) => started.Append(e.Data);
        started.Process.ErrorDataReceived += (_, e) => started.Append(e.Data);
        started.Process.BeginOutputReadLine();
        started.Process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (started.Process.HasExited)
            {
                throw new InvalidOperationException($"redis-server on port {port} exited with code {started.Process.ExitCode}:\n{started.Output()}");
            }

            if (await PingAsync(port).ConfigureAwait(false))
            {
                return started;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        try
        {
            started.Process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }

        throw new InvalidOperationException($"redis-server on port {port} did not answer PING within {StartTimeout.TotalSeconds} s:\n{started.Output()}");
    }

    private static async Task<bool> PingAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
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

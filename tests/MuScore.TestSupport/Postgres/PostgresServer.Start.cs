using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MuScore.TestSupport.Postgres;

public sealed partial class PostgresServer
{
    private const int StartAttempts = 3;

    private async Task CreateAndStartAsync(CancellationToken cancellationToken)
    {
        root = Directory.CreateTempSubdirectory("muscore-pg-").FullName;
        Directory.CreateDirectory(SocketDirectory);
        await PostgresProcess.ChownAsync(root, cancellationToken).ConfigureAwait(false);
        await PostgresProcess.RunAsync(
            Path.Combine(bin, "initdb"),
            ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
            asServiceUser: true,
            cancellationToken).ConfigureAwait(false);

        // A free port can be taken between probing and binding: try a fresh one a few times.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartServerAsync(FreePort(), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts)
            {
            }
        }
    }

    private async Task StartServerAsync(int port, CancellationToken cancellationToken)
    {
        var options = string.Create(
            CultureInfo.InvariantCulture,
            $"-c listen_addresses=127.0.0.1 -p {port} -k {SocketDirectory} -c fsync=off -c max_connections=300");
        try
        {
            await PgCtlAsync(["start", "-w", "-t", "60", "-l", LogFile, "-o", options], cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{e.Message}\npostgres log:\n{LogTail()}", e);
        }

        Port = port;
        IsRunning = true;
    }

    private Task<string> PgCtlAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        PostgresProcess.RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", DataDirectory, .. arguments], asServiceUser: true, cancellationToken);

    private string LogTail() =>
        File.Exists(LogFile) ? string.Join('\n', File.ReadLines(LogFile).TakeLast(20)) : "(no log)";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

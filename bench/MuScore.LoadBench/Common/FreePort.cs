using System.Net;
using System.Net.Sockets;

namespace MuScore.LoadBench.Common;

/// <summary>A free loopback port, for run.sh to give each server its own.</summary>
internal static class FreePort
{
    public static int Print()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Console.WriteLine(((IPEndPoint)listener.LocalEndpoint).Port);
        return ExitCodes.Ok;
    }
}

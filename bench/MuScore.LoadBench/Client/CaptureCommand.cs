using Google.Protobuf;
using MuScore.LoadBench.Common;
using static MuScore.LoadBench.Setup.SetupCommand;

namespace MuScore.LoadBench.Client;

/// <summary>
/// Writes the real server's answer to the request of an h2load body file, serialized, for a
/// baseline to return and `check` to compare with: the answer a caller gets depends on the
/// caller (a token without <c>ratings:figures</c> gets the minimised rating), so the TLS load
/// captures it with the load's own token rather than reusing `setup`'s anonymous capture.
/// </summary>
internal static class CaptureCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var server = options.Server(tls: true);
        var rpc = options.Text("rpc", "GetRating");
        var output = options.Text("out");
        using var channel = Channels.Open(server, ChannelSecurity.From(options));
        var response = await BodyCall.For(channel, rpc, options.Text("body"))().ConfigureAwait(false);
        await File.WriteAllBytesAsync(output, response.ToByteArray()).ConfigureAwait(false);
        Console.WriteLine(Text($"RESULT capture rpc={rpc} server={server} bytes={response.CalculateSize()} out={output}"));
        return ExitCodes.Ok;
    }
}

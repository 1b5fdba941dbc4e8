using Google.Protobuf;
using MuScore.LoadBench.Common;
using static MuScore.LoadBench.Setup.SetupCommand;

namespace MuScore.LoadBench.Client;

/// <summary>
/// The correctness side of a load run, since h2load counts HTTP statuses, not grpc-status: sends the
/// request of an h2load body file (GetRating, or QuoteTariff with <c>--rpc QuoteTariff</c>) with a real
/// gRPC client and requires every answer to be OK and byte-identical to the expected serialized
/// response. run.sh calls it before and after each load. Over https it trusts only <c>--ca</c> (so it
/// also checks the certificate h2load, which verifies none, was served) and sends <c>--token</c>.
/// </summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var server = options.Server(tls: true);
        var rpc = options.Text("rpc", "GetRating");
        var expected = await File.ReadAllBytesAsync(options.Text("expect")).ConfigureAwait(false);
        var calls = options.Int("calls", 100);

        using var channel = Channels.Open(server, ChannelSecurity.From(options));
        var call = BodyCall.For(channel, rpc, options.Text("body"));
        for (var i = 0; i < calls; i++)
        {
            var response = await call().ConfigureAwait(false);
            var actual = response.ToByteArray();
            if (!actual.AsSpan().SequenceEqual(expected))
            {
                throw new BenchFailure(Text($"{rpc} call {i + 1}: {server} answered {actual.Length} bytes that differ from the expected {expected.Length}: {response}"));
            }
        }

        Console.WriteLine(Text($"RESULT check rpc={rpc} server={server} calls={calls} identical={calls} bytes={expected.Length}"));
        return ExitCodes.Ok;
    }
}

using Google.Protobuf;
using Grpc.Net.Client;
using MuScore.Contracts.V1;
using MuScore.LoadBench.Common;
using static MuScore.LoadBench.Setup.SetupCommand;

namespace MuScore.LoadBench.Client;

/// <summary>
/// The correctness side of a load run, since h2load counts HTTP statuses, not grpc-status: sends the
/// request of an h2load body file (GetRating, or QuoteTariff with <c>--rpc QuoteTariff</c>) with a real
/// gRPC client and requires every answer to be OK and byte-identical to the expected serialized
/// response. run.sh calls it before and after each load.
/// </summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var server = options.Server();
        var body = options.Text("body");
        var rpc = options.Text("rpc", "GetRating");
        var expected = await File.ReadAllBytesAsync(options.Text("expect")).ConfigureAwait(false);
        var calls = options.Int("calls", 100);

        using var channel = Channels.Open(server);
        Func<Task<IMessage>> call = rpc switch
        {
            "GetRating" => GetRating(channel, GrpcBody.Read(body, GetRatingRequest.Parser)),
            "QuoteTariff" => QuoteTariff(channel, GrpcBody.Read(body, QuoteTariffRequest.Parser)),
            _ => throw new OptionException($"option --rpc must be GetRating or QuoteTariff, not '{rpc}'"),
        };
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

    private static Func<Task<IMessage>> GetRating(GrpcChannel channel, GetRatingRequest request)
    {
        var client = new RatingService.RatingServiceClient(channel);
        return async () => await client.GetRatingAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)).ConfigureAwait(false);
    }

    private static Func<Task<IMessage>> QuoteTariff(GrpcChannel channel, QuoteTariffRequest request)
    {
        var client = new PolicyService.PolicyServiceClient(channel);
        return async () => await client.QuoteTariffAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)).ConfigureAwait(false);
    }
}

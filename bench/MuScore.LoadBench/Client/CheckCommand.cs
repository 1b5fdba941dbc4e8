using Google.Protobuf;
using MuScore.Contracts.V1;
using MuScore.LoadBench.Common;
using static MuScore.LoadBench.Setup.SetupCommand;

namespace MuScore.LoadBench.Client;

/// <summary>
/// The correctness side of a load run, since h2load counts HTTP statuses, not grpc-status: sends the
/// GetRating request of an h2load body file with a real gRPC client and requires every answer to be
/// OK and byte-identical to the expected serialized response. run.sh calls it before and after each load.
/// </summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(CommandOptions options)
    {
        var server = options.Server();
        var request = GrpcBody.Read(options.Text("body"), GetRatingRequest.Parser);
        var expected = await File.ReadAllBytesAsync(options.Text("expect")).ConfigureAwait(false);
        var calls = options.Int("calls", 100);

        using var channel = Channels.Open(server);
        var client = new RatingService.RatingServiceClient(channel);
        for (var i = 0; i < calls; i++)
        {
            var response = await client.GetRatingAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)).ConfigureAwait(false);
            var actual = response.ToByteArray();
            if (!actual.AsSpan().SequenceEqual(expected))
            {
                throw new BenchFailure(Text($"call {i + 1}: {server} answered {actual.Length} bytes that differ from the expected {expected.Length}: {response}"));
            }
        }

        Console.WriteLine(Text($"RESULT check server={server} calls={calls} identical={calls} bytes={expected.Length}"));
        return ExitCodes.Ok;
    }
}

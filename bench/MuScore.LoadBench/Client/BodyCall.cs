using Google.Protobuf;
using Grpc.Net.Client;
using MuScore.Contracts.V1;
using MuScore.LoadBench.Common;

namespace MuScore.LoadBench.Client;

/// <summary>The real gRPC call h2load's body file stands for: GetRating or QuoteTariff with the request in the file.</summary>
internal static class BodyCall
{
    public static Func<Task<IMessage>> For(GrpcChannel channel, string rpc, string body) => rpc switch
    {
        "GetRating" => GetRating(channel, GrpcBody.Read(body, GetRatingRequest.Parser)),
        "QuoteTariff" => QuoteTariff(channel, GrpcBody.Read(body, QuoteTariffRequest.Parser)),
        _ => throw new OptionException($"option --rpc must be GetRating or QuoteTariff, not '{rpc}'"),
    };

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

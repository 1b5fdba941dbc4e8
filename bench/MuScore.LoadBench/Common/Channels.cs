using Grpc.Net.Client;

namespace MuScore.LoadBench.Common;

/// <summary>gRPC channels of the measuring clients.</summary>
internal static class Channels
{
    /// <summary>A channel allowing large answers: a SubmitRun reply or a 1,000-rating batch exceeds 4 MB at worst.</summary>
    public static GrpcChannel Open(Uri server) => GrpcChannel.ForAddress(server, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = 512 * 1024 * 1024,
    });
}

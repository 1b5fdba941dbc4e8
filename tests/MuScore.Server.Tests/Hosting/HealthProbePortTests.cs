using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using MuScore.Contracts.V1;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Hosting;

/// <summary>
/// The plaintext probe port (MuScore:Health:ProbePort) that Kubernetes' built-in grpc probes use:
/// it answers the health service and nothing else, while the main URL serves everything.
/// </summary>
public sealed class HealthProbePortTests
{
    [Fact]
    public async Task ProbePort_HealthCheck_AnsweredAndEveryOtherServiceRefused()
    {
        var probePort = FreePort();
        await using var server = await ServerInstance.StartAsync(new ServerSettings
        {
            Configuration = new Dictionary<string, string?> { ["MuScore:Health:ProbePort"] = probePort.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        using var probe = GrpcChannel.ForAddress($"http://127.0.0.1:{probePort}");

        var health = await new Health.HealthClient(probe).CheckAsync(new HealthCheckRequest { Service = "muscore.v1.RatingService" });
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await new RatingService.RatingServiceClient(probe).GetRatingAsync(new GetRatingRequest { Region = "330000", CreditCode = "91330000MA2XXXXX0X" }));
        var listed = await Assert.ThrowsAsync<RpcException>(async () =>
            await new EvaluationService.EvaluationServiceClient(probe).ListRunsAsync(new ListRunsRequest()));
        var main = await server.Health.CheckAsync(new HealthCheckRequest { Service = "muscore.v1.RatingService" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Equal(StatusCode.Unimplemented, refused.StatusCode);
        Assert.Equal(StatusCode.Unimplemented, listed.StatusCode);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, main.Status);
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}

using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Hosting;

public sealed class HealthAndReflectionTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("")]
    [InlineData("muscore.v1.RatingService")]
    [InlineData("muscore.v1.EvaluationService")]
    public async Task Check_StoreReachable_Serving(string service)
    {
        var response = await fixture.Server.Health.CheckAsync(new HealthCheckRequest { Service = service });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task ServerReflection_ListServices_NamesEveryService()
    {
        var client = new ServerReflection.ServerReflectionClient(fixture.Server.Channel);
        using var call = client.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var names = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        Assert.Contains("muscore.v1.RatingService", names);
        Assert.Contains("muscore.v1.EvaluationService", names);
        Assert.Contains("grpc.health.v1.Health", names);
    }

    [Fact]
    public async Task ServerReflection_FileContainingSymbol_DescribesTheContract()
    {
        var client = new ServerReflection.ServerReflectionClient(fixture.Server.Channel);
        using var call = client.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "muscore.v1.RatingService" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(bytes).Name)
            .ToList();

        Assert.Contains("muscore/v1/rating_service.proto", files);
    }

    [Fact]
    public async Task ServerReflectionV1_ListServices_NamesTheRatingService()
    {
        var client = new Grpc.Reflection.V1.ServerReflection.ServerReflectionClient(fixture.Server.Channel);
        using var call = client.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new Grpc.Reflection.V1.ServerReflectionRequest { ListServices = string.Empty });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Contains("muscore.v1.RatingService", call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
    }
}

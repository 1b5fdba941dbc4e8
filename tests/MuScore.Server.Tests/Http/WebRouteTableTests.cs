using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Server.Security;
using MuScore.Server.Web;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Http;

/// <summary>
/// Deny by default for HTTP: every endpoint the server maps is a gRPC method (native or
/// transcoded) with a scope rule, an endpoint under an authorization policy, or one marked
/// <see cref="OpenWebRoute"/> with its reason. A page or route added without one fails here.
/// </summary>
public sealed class WebRouteTableTests
{
    [Fact]
    public async Task EveryEndpoint_IsARuledGrpcMethodAnAuthorizedOneOrDeclaredOpen()
    {
        await using var server = await ServerInstance.StartAsync();
        var endpoints = server.Services.GetRequiredService<EndpointDataSource>().Endpoints;

        var unruled = endpoints
            .Where(e => e.Metadata.GetMetadata<GrpcMethodMetadata>() is not { } grpc || !RpcPermissions.TryGetRequired(grpc.Method.FullName, out _))
            .Where(e => e.Metadata.GetMetadata<OpenWebRoute>() is null)
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null || e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.DisplayName)
            .ToList();

        // gRPC's own catch-alls (unknown service or method) answer UNIMPLEMENTED and serve nothing.
        unruled.RemoveAll(name => name is not null && name.StartsWith("gRPC - Unimplemented", StringComparison.Ordinal));
        Assert.True(unruled.Count == 0, $"endpoints without a rule: {string.Join("; ", unruled)}");
        Assert.Contains(endpoints, e => e.Metadata.GetMetadata<OpenWebRoute>() is not null);
        Assert.Contains(endpoints, e => e is RouteEndpoint route && route.RoutePattern.RawText == "/v1/regions/{region}/ratings/{credit_code}");
    }
}

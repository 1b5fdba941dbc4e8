using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace MuScore.Server.Web;

/// <summary>
/// The HTTP/JSON equivalent of the <c>muscore-stale</c> trailer: JSON transcoding writes no
/// trailers, so a possibly stale answer to a JSON caller carries the same name as a response
/// header (docs/http-api.md), beside the answer's <c>possiblyStale</c> field.
/// </summary>
internal static class StaleHeader
{
    /// <summary>The header's name, the gRPC trailer's.</summary>
    public const string Name = "muscore-stale";

    /// <summary>Sets the header when <paramref name="context"/> is a transcoded (non-gRPC) call.</summary>
    public static void SetIfJson(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (!IsGrpc(http.Request) && !http.Response.HasStarted)
        {
            http.Response.Headers[Name] = "1";
        }
    }

    /// <summary>True for a native gRPC request (any application/grpc content type).</summary>
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}

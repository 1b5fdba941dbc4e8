using System.Net;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Http;

/// <summary>CORS on the JSON routes: off unless MuScore:Web:CorsOrigins lists an origin, and then for those origins only.</summary>
public sealed class CorsTests
{
    private const string Portal = "https://portal.example.gov.cn";
    private const string Path = "/v1/regions/331082/ratings/91331082MA2XXXXXX2";

    [Fact]
    public async Task Default_NoCorsHeaders()
    {
        await using var server = await ServerInstance.StartAsync();
        using var http = server.WebClient();

        using var preflight = await http.SendAsync(Preflight(Portal));
        using var get = await http.SendAsync(Get(Portal));

        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(get.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AllowList_ListedOriginAllowed_OtherRefused()
    {
        await using var server = await ServerInstance.StartAsync(new ServerSettings
        {
            Configuration = new Dictionary<string, string?> { ["MuScore:Web:CorsOrigins:0"] = Portal },
        });
        using var http = server.WebClient();

        using var preflight = await http.SendAsync(Preflight(Portal));
        using var get = await http.SendAsync(Get(Portal));
        using var stranger = await http.SendAsync(Preflight("https://evil.example.com"));

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(Portal, Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("authorization", string.Join(",", preflight.Headers.GetValues("Access-Control-Allow-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Portal, Assert.Single(get.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("muscore-stale", string.Join(",", get.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.OrdinalIgnoreCase);
        Assert.False(stranger.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, new Uri(Path, UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return request;
    }

    private static HttpRequestMessage Get(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Path, UriKind.Relative));
        request.Headers.Add("Origin", origin);
        return request;
    }
}

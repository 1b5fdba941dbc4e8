using System.Net;
using MuScore.Server.Hosting;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Http;

/// <summary>
/// The web listener (MuScore:Web:Url, docs/http-api.md): a port of its own beside the h2c gRPC
/// port, HTTP/1.1 in plaintext, held to the gRPC listener's loopback, TLS and authentication rules.
/// </summary>
public sealed class WebListenerTests
{
    [Fact]
    public async Task Plaintext_Http11Served_Http2PriorKnowledgeNot()
    {
        await using var server = await ServerInstance.StartAsync();
        using var http11 = server.WebClient();
        using var http2 = server.WebClient(version: HttpVersion.Version20);

        // Anonymous on loopback (no authentication configured): the call reaches the store, which has nothing published.
        var answer = await HttpAnswer.GetAsync(http11, "/v1/regions/331082/ratings/91331082MA2XXXXXX2?year=2025");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("NOTHING_PUBLISHED", answer.Reason);
        Assert.Equal(HttpVersion.Version11, answer.Response.Version);

        // h2c needs prior knowledge, which a port that also serves HTTP/1.1 cannot honour: that is why gRPC has its own.
        await Assert.ThrowsAsync<HttpRequestException>(() => http2.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
    }

    [Fact]
    public async Task JsonBodyOverTheGrpcMessageLimit_413ResourceExhausted()
    {
        await using var server = await ServerInstance.StartAsync();
        using var http = server.WebClient();
        var codes = string.Join(",", Enumerable.Repeat("\"91331082MA2XXXXXX2\"", 250_000));

        var answer = await HttpAnswer.PostAsync(http, "/v1/regions/331082/ratings:batchGet", $$"""{"creditCodes": [{{codes}}]}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal(8, answer.GrpcCode);
    }

    [Fact]
    public async Task Off_NoWebListener()
    {
        await using var app = ServerHost.Build(ServerHost.CreateBuilder([], [new(ServerHost.WebUrlKey, "off")]));

        Assert.Null(ServerHost.WebUrl(app));
    }

    [Fact]
    public async Task NothingConfigured_LoopbackPort5081()
    {
        await using var app = ServerHost.Build(ServerHost.CreateBuilder([]));

        Assert.Equal(new Uri("http://127.0.0.1:5081"), ServerHost.WebUrl(app));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5081", "MuScore:Tls:AllowPlaintext")]
    [InlineData("http://10.1.2.3:5081", "MuScore:Tls:AllowPlaintext")]
    [InlineData("https://127.0.0.1:5081", "MuScore:Tls:CertificateFile")]
    [InlineData("http://127.0.0.1:5081/console", "must name a port and no path")]
    [InlineData("http://127.0.0.1", "must name a port and no path")]
    [InlineData("ftp://127.0.0.1:5081", "http:// or https://")]
    public void BadUrl_RefusedAtStartNamingTheSetting(string url, string expected)
    {
        var message = Assert.Throws<ServerConfigurationException>(() => ServerHost.CreateBuilder([], [new(ServerHost.WebUrlKey, url)])).Message;

        Assert.Contains(ServerHost.WebUrlKey, message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlaintextBeyondLoopbackAllowedButNoAuthentication_RefusedNamingAuthSettings()
    {
        var message = Assert.Throws<ServerConfigurationException>(() => ServerHost.CreateBuilder([],
        [
            new(ServerHost.WebUrlKey, "http://0.0.0.0:5081"),
            new("MuScore:Tls:AllowPlaintext", "true"),
        ])).Message;

        Assert.Contains("MuScore:Auth:Jwt:PublicKeyFile", message, StringComparison.Ordinal);
    }
}

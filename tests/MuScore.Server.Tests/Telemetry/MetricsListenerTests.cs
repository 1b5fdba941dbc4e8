using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using MuScore.Server.Hosting;
using MuScore.Server.Tests.Caching.Support;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Telemetry;

/// <summary>
/// The scrape listener is a port of its own: /metrics there and nothing else; the gRPC port never
/// answers /metrics; loopback unless the operator allows more in so many words.
/// </summary>
public sealed class MetricsListenerTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task GrpcPort_MetricsPath_NotServed()
    {
        await using var server = await ServerInstance.StartAsync(ServerSettings.Sqlite(directory.File("l.db")));
        using var client = new HttpClient();

        // The gRPC port speaks HTTP/2 without TLS: asked with prior knowledge, as a gRPC client would.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, "/metrics"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("muscore_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // While the metrics port, on the same server, does answer it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(server.MetricsAddress)).StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/metrics/")]
    [InlineData("/metrics/extra")]
    [InlineData("/grpc.health.v1.Health/Check")]
    [InlineData("/muscore.v1.RatingService/GetRating")]
    public async Task MetricsPort_AnyOtherPath_NotFound(string path)
    {
        await using var server = await ServerInstance.StartAsync(ServerSettings.Sqlite(directory.File("l.db")));
        using var client = new HttpClient();

        using var get = await client.GetAsync(new Uri(server.MetricsAddress, path));
        using var post = await client.PostAsync(new Uri(server.MetricsAddress, path), new ByteArrayContent([0, 0, 0, 0, 0]));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task MetricsPort_IsHttp11()
    {
        await using var server = await ServerInstance.StartAsync(ServerSettings.Sqlite(directory.File("l.db")));
        using var client = new HttpClient();

        using var response = await client.GetAsync(server.MetricsAddress);

        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_NothingConfigured_MetricsOnLoopback9464()
    {
        // Built, never started: nothing is bound.
        await using var app = ServerHost.Build(ServerHost.CreateBuilder([]));

        Assert.Equal(new Uri("http://127.0.0.1:9464/metrics"), ServerHost.MetricsUrl(app));
    }

    [Theory]
    [InlineData("off")]
    [InlineData("")]
    public async Task Build_MetricsOff_NoListener(string value)
    {
        await using var app = ServerHost.Build(ServerHost.CreateBuilder([], [new(ServerHost.MetricsUrlKey, value)]));

        Assert.Null(ServerHost.MetricsUrl(app));
    }

    [Theory]
    [InlineData("http://0.0.0.0:9464", "MuScore:Metrics:AllowRemote=true")]
    [InlineData("http://10.1.2.3:9464", "MuScore:Metrics:AllowRemote=true")]
    [InlineData("https://127.0.0.1:9464", "plain http://")]
    [InlineData("http://127.0.0.1", "must name a port")]
    [InlineData("http://127.0.0.1:9464/scrape", "must name a port and no path")]
    [InlineData("127.0.0.1:9464", "plain http://")]
    public void CreateBuilder_MetricsUrlNotAllowed_RefusedNamingTheSetting(string url, string expected)
    {
        var message = Assert.Throws<ServerConfigurationException>(() => ServerHost.CreateBuilder([], [new(ServerHost.MetricsUrlKey, url)])).Message;

        Assert.Contains(ServerHost.MetricsUrlKey, message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_MetricsBeyondLoopbackAllowed_WarnsAtStart()
    {
        var logs = new CapturedLogs();
        var builder = ServerHost.CreateBuilder([], [new(ServerHost.MetricsUrlKey, "http://0.0.0.0:9464"), new("MuScore:Metrics:AllowRemote", "true")]);
        builder.Logging.AddProvider(logs);

        await using var app = ServerHost.Build(builder);

        var warning = Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("/metrics", StringComparison.Ordinal));
        Assert.Contains("beyond loopback", warning.Message, StringComparison.Ordinal);
        Assert.Contains("MuScore:Metrics:AllowRemote=true", warning.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.Message.Contains("Prometheus scrape endpoint http://0.0.0.0:9464/metrics (beyond loopback", StringComparison.Ordinal));
    }
}

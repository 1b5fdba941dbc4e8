using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace MuScore.Cli.Tests.Publishing;

/// <summary>"muscore serve" run through the command line's entry, stopped by its cancellation like Ctrl-C.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Serve_FreePort_AnswersTheHealthCheckAndTakesAPublishThenStops()
    {
        var url = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Publisher.FreePort()}");
        var database = temp.File("serve.db");
        var stdout = new StringWriter(new StringBuilder());
        var stderr = new StringWriter(new StringBuilder());
        using var stop = new CancellationTokenSource();
        var metrics = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Publisher.FreePort()}");
        var web = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Publisher.FreePort()}");
        var serving = Task.Run(() => CliApp.Run(["serve", "--urls", url, "--metrics", metrics, "--web", web, "--connection-string", $"Data Source={database}"], stdout, stderr, stop.Token));
        try
        {
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await WaitUntilServingAsync(new Uri(url), serving));
            (await Publisher.RunAsync(new Uri(url), Publisher.SampleCounty)).Expect(0);
        }
        finally
        {
            await stop.CancelAsync();
        }

        var exitCode = await serving.WaitAsync(Patience);

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{stdout}\n{stderr}");
        var printed = stdout.ToString();
        Assert.Contains($"listening on {url}\n", printed.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"metrics: Prometheus at {metrics}/metrics", printed, StringComparison.Ordinal);
        Assert.Contains($"web: HTTP/JSON, OpenAPI and the console at {web}", printed, StringComparison.Ordinal);
        Assert.DoesNotContain($"listening on {url}, {web}", printed, StringComparison.Ordinal);
        Assert.Contains($"store: SQLite file {database}", printed, StringComparison.Ordinal);
        Assert.EndsWith("muscore serve: stopped\n", printed.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.True(new FileInfo(database).Length > 0);
    }

    [Fact]
    public void Serve_PostgresWithoutConnectionString_ExitsTwoNamingTheSetting()
    {
        // Settings given on the command line win over the environment, so this fails wherever it runs.
        var run = CliRun.Of("serve", "--store", "postgres", "--connection-string", " ", "--urls", "http://127.0.0.1:1").Expect(2);

        Assert.Contains("invalid configuration", run.Error, StringComparison.Ordinal);
        Assert.Contains("Store:ConnectionString is required", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_PolicyFileWithBadFigure_ExitsTwoNamingFileAndJsonPath()
    {
        using var folder = new TempDirectory();
        var file = folder.File("county-relief.json");
        File.WriteAllText(file, """
            {
              "id": "county-relief", "version": "1", "title": "t", "source": "s", "regions": ["331083"],
              "tax_reliefs": [ { "clause": "(一)", "effective_from": "2025-01-01", "reliefs": [ { "class": "A", "percent": 0 } ] } ]
            }
            """);

        var run = CliRun.Of("serve", "--policy", file, "--urls", "http://127.0.0.1:1").Expect(2);

        Assert.Contains("invalid configuration", run.Error, StringComparison.Ordinal);
        Assert.Contains("county-relief.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("tax_reliefs[0].reliefs[0].percent", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--store", "mysql", "--store 'mysql' is not sqlite or postgres")]
    [InlineData("--urls", "127.0.0.1:5080", "--urls: '127.0.0.1:5080' is not an http:// URL")]
    public void Serve_BadArgument_ExitsTwoWithUsage(string option, string value, string message)
    {
        var run = CliRun.Of("serve", option, value).Expect(2);

        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Contains("usage: muscore serve", run.Error, StringComparison.Ordinal);
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> WaitUntilServingAsync(Uri address, Task<int> serving)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var health = new Health.HealthClient(channel);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(serving.IsCompleted, $"serve ended early with exit code {(serving.IsCompleted ? serving.Result : 0)}");
            try
            {
                return (await health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5))).Status;
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable && clock.Elapsed < Patience)
            {
                await Task.Delay(100);
            }
        }
    }
}

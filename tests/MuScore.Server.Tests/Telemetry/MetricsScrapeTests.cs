using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Telemetry;

/// <summary>
/// /metrics scraped over a real socket from a real server while it serves real calls: the counters
/// move by what was done. Each test owns its server, so the counts are exact.
/// </summary>
public sealed class MetricsScrapeTests : IDisposable
{
    private const int Year = 2024;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Scrape_AfterNGetRatings_RpcCountRisesByNWithStatusOk()
    {
        await using var server = await ServerInstance.StartAsync(ServerSettings.Sqlite(directory.File("m.db")));
        var region = Regions.Next();
        await Runs.PublishAsync(server.Evaluation, Runs.Header(region, Year), Records.Sample(region, Year));
        var code = CoreRatings.Rate(region, Year).Keys.First();
        await server.Ratings.GetRatingAsync(new GetRatingRequest { Region = region, CreditCode = code, Year = Year });
        var before = await SettledAsync(server, s => s.Sum("muscore_rpc_duration_seconds_count", GetRatingOk), 1);

        const int N = 7;
        for (var i = 0; i < N; i++)
        {
            await server.Ratings.GetRatingAsync(new GetRatingRequest { Region = region, CreditCode = code, Year = Year });
        }

        var after = await SettledAsync(server, s => s.Sum("muscore_rpc_duration_seconds_count", GetRatingOk), before + N);
        Assert.Equal(before + N, after);
    }

    [Fact]
    public async Task Scrape_RefusedCall_CountedUnderItsGrpcStatus()
    {
        await using var server = await ServerInstance.StartAsync(ServerSettings.Sqlite(directory.File("m.db")));

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Ratings.GetRatingAsync(new GetRatingRequest { Region = Regions.Next(), CreditCode = "not a code", Year = Year }));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var invalid = ((int)StatusCode.InvalidArgument).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var count = await SettledAsync(server, s => s.Sum("muscore_rpc_duration_seconds_count", ("rpc_method", "GetRating"), ("rpc_grpc_status_code", invalid)), 1);
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Scrape_MissThenHit_CountsTheDatabaseThenTheInProcessCache()
    {
        // Warming would load the publication before the first read; this test needs that read to miss.
        await using var server = await ServerInstance.StartAsync(ServerSettings.Sqlite(directory.File("m.db")) with
        {
            Configuration = new Dictionary<string, string?> { ["MuScore:Cache:WarmOnPublish"] = "false" },
        });
        var region = Regions.Next();
        await Runs.PublishAsync(server.Evaluation, Runs.Header(region, Year), Records.Sample(region, Year));
        var request = new GetRatingRequest { Region = region, CreditCode = CoreRatings.Rate(region, Year).Keys.First(), Year = Year };

        await server.Ratings.GetRatingAsync(request);
        var databaseHits = await SettledAsync(server, s => s.Sum("muscore_cache_lookups_total", Layer("database"), Result("hit")), 1);
        var memoryHits = (await PrometheusScrape.ReadAsync(server.MetricsAddress)).Sum("muscore_cache_lookups_total", Layer("memory"), Result("hit"));
        await server.Ratings.GetRatingAsync(request);
        await server.Ratings.GetRatingAsync(request);

        var scrape = await SettledScrapeAsync(server, s => s.Sum("muscore_cache_lookups_total", Layer("memory"), Result("hit")) >= memoryHits + 2);
        Assert.Equal(memoryHits + 2, scrape.Sum("muscore_cache_lookups_total", Layer("memory"), Result("hit")));
        Assert.Equal(databaseHits, scrape.Sum("muscore_cache_lookups_total", Layer("database"), Result("hit")));
        Assert.True(scrape.Sum("muscore_cache_lookups_total", Layer("memory"), Result("miss")) >= 1, scrape.Text);
    }

    [Fact]
    public async Task Scrape_AfterSubmitAndPublish_UploadBytesRecordsAndPublishDurationAppear()
    {
        await using var server = await ServerInstance.StartAsync(ServerSettings.Sqlite(directory.File("m.db")));
        var region = Regions.Next();
        var records = Records.Sample(region, Year, count: 30);
        var bytes = new SubmitRunRequest { Header = Runs.Header(region, Year) }.CalculateSize()
            + new SubmitRunRequest { Batch = new RecordBatch { Records = { records } } }.CalculateSize();

        var (run, _) = await Runs.PublishAsync(server.Evaluation, Runs.Header(region, Year), records);

        var scrape = await SettledScrapeAsync(server, s => s.Sum("muscore_publish_duration_seconds_count", ("muscore_publish_outcome", "published")) >= 1);
        Assert.Equal(1, scrape.Sum("muscore_publish_duration_seconds_count", ("muscore_publish_outcome", "published")));
        Assert.True(scrape.Sum("muscore_publish_duration_seconds_sum") > 0, scrape.Text);
        Assert.Equal(run.RatedCount, scrape.Sum("muscore_publish_ratings_sum"));
        Assert.Equal(30, scrape.Sum("muscore_upload_records_total"));
        Assert.Equal(bytes, scrape.Sum("muscore_upload_size_bytes_total"));
        Assert.Equal(1, scrape.Sum("muscore_dependency_up", ("muscore_dependency", "database")));

        // Without Redis configured, Redis is neither up nor down.
        Assert.False(scrape.Has("muscore_dependency_up", ("muscore_dependency", "redis")), scrape.Text);
        Assert.False(scrape.Has("muscore_redis_breaker_state"), scrape.Text);
    }

    private static (string, string)[] GetRatingOk => [("rpc_service", "muscore.v1.RatingService"), ("rpc_method", "GetRating"), ("rpc_grpc_status_code", "0")];

    private static (string, string) Layer(string layer) => ("muscore_cache_layer", layer);

    private static (string, string) Result(string result) => ("muscore_cache_result", result);

    // The exporter answers a scrape from a copy up to 300 ms old: poll until the value arrives.
    private static async Task<double> SettledAsync(ServerInstance server, Func<PrometheusScrape, double> read, double atLeast)
    {
        var scrape = await SettledScrapeAsync(server, s => read(s) >= atLeast);
        return read(scrape);
    }

    private static async Task<PrometheusScrape> SettledScrapeAsync(ServerInstance server, Func<PrometheusScrape, bool> done)
    {
        PrometheusScrape? last = null;
        var settled = await Eventually.TrueAsync(
            async () =>
            {
                last = await PrometheusScrape.ReadAsync(server.MetricsAddress);
                return done(last);
            },
            Patience);
        Assert.True(settled, $"the scrape never showed the expected value:\n{last?.Text}");
        return last!;
    }
}

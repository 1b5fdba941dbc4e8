using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Policies;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Postgres;
using MuScore.TestSupport.Redis;
using MuScore.TestSupport.Server;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace MuScore.Server.Tests.Caching;

/// <summary>
/// PostgreSQL stopped under a real server with Redis: cached reads go on, marked possibly stale,
/// for longer than every pointer lifetime (shortened here so the test need not wait a minute), and
/// turn fresh again once the database is back, without a server restart. The test owns its
/// PostgreSQL, since it stops it.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private const int Year = 2024;

    // A rating never read must be in neither cache, to show it still needs the database.
    private static readonly Dictionary<string, string?> NoWarming = new() { ["MuScore:Cache:WarmOnPublish"] = "false" };

    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);

    // Until the pointers confirmed before the stop expire (here and in Redis), reads need not ask the database.
    private static readonly TimeSpan Trusted = TimeSpan.FromSeconds(1.5);

    private OutageStack? stack;

    private ServerInstance Server => stack!.Server;

    private PostgresServer Postgres => stack!.Postgres;

    public async Task InitializeAsync() => stack = await OutageStack.StartAsync("outage", NoWarming);

    public async Task DisposeAsync() => await stack!.DisposeAsync();

    [Fact]
    public async Task Reads_PostgresStoppedLongerThanThePointerLifetimes_CachedRatingsServedPossiblyStaleThenFreshAfterRestart()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, Year, count: 20);
        await Runs.PublishAsync(Server.Evaluation, Runs.Header(region, Year), records);
        var codes = records.Take(5).Select(r => r.CreditCode).ToList();
        foreach (var code in codes)
        {
            Assert.False((await GetAsync(region, code, Year)).Response.PossiblyStale);
        }

        Assert.False((await GetAsync(region, codes[0], null)).Response.PossiblyStale);

        await Postgres.StopAsync();
        var watch = Stopwatch.StartNew();
        var markedReads = 0;
        while (watch.Elapsed < Outage)
        {
            // Every read must answer (a failure throws here); past the trusted lifetimes each must say it may be stale.
            var mustBeMarked = watch.Elapsed > Trusted;
            foreach (var code in codes)
            {
                var (response, trailers) = await GetAsync(region, code, Year);
                Assert.Equal(code, response.Rating.CreditCode);
                if (mustBeMarked)
                {
                    Assert.True(response.PossiblyStale, $"a read {watch.Elapsed} into the outage was not marked possibly stale");
                    Assert.Equal("1", trailers.GetValue("muscore-stale"));
                    markedReads++;
                }
            }

            var latest = await GetAsync(region, codes[0], null);
            var batch = Server.Ratings.BatchGetRatingsAsync(new BatchGetRatingsRequest { Region = region, Year = Year, CreditCodes = { codes } });
            var batchResponse = await batch.ResponseAsync;
            Assert.All(batchResponse.Entries, entry => Assert.NotNull(entry.Rating));
            if (mustBeMarked)
            {
                Assert.True(latest.Response.PossiblyStale);
                Assert.True(batchResponse.PossiblyStale);
                Assert.Equal("1", batch.GetTrailers().GetValue("muscore-stale"));
            }

            await Task.Delay(100);
        }

        var publish = await RpcAssert.FailsWith(StatusCode.Unavailable, () => Runs.PublishAsync(Server.Evaluation, Runs.Header(region, Year + 1), Records.Sample(region, Year + 1, count: 3)));
        var uncached = await RpcAssert.FailsWith(StatusCode.Unavailable, () => Server.Ratings.GetRatingAsync(new GetRatingRequest { Region = region, CreditCode = records[19].CreditCode, Year = Year }).ResponseAsync);
        Assert.Equal(ServingStatus.Serving, await stack!.HealthAsync("muscore.v1.RatingService"));
        Assert.Equal(ServingStatus.NotServing, await stack!.HealthAsync("muscore.v1.EvaluationService"));

        await Postgres.RestartAsync();
        // Each connection the pool held across the restart fails once when next used, and a read that
        // fails marks the database down again for a moment: fresh means two reads in a row unmarked.
        (GetRatingResponse Response, Metadata Trailers)? freshAfter = null;
        var fresh = await Eventually.TrueAsync(
            async () =>
            {
                if ((await GetAsync(region, codes[0], Year)).Response.PossiblyStale)
                {
                    return false;
                }

                freshAfter = await GetAsync(region, codes[1], Year);
                return !freshAfter.Value.Response.PossiblyStale;
            },
            TimeSpan.FromSeconds(10));

        Assert.True(markedReads > 0);
        Assert.NotNull(publish);
        Assert.NotNull(uncached);
        Assert.True(fresh, "reads stayed possibly stale after PostgreSQL came back");
        var (after, afterTrailers) = freshAfter!.Value;
        Assert.False(after.PossiblyStale);
        Assert.Null(afterTrailers.Get("muscore-stale"));
        Assert.True(await Eventually.TrueAsync(async () => await stack!.HealthAsync("muscore.v1.EvaluationService") == ServingStatus.Serving, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Reads_PostgresStoppedWithPointersStillTrusted_MarkedPossiblyStaleOnceTheServerSeesTheOutage()
    {
        // The default lifetimes: a pointer trusted in process and in Redis for a minute would answer
        // unmarked for that minute, were the server not asking the database on its own.
        await using var patient = await ServerInstance.StartAsync(ServerSettings.Postgres(Server.StoreConnectionString) with
        {
            RedisConnectionString = stack!.Redis.ConnectionString,
        });
        var region = Regions.Next();
        var records = Records.Sample(region, Year, count: 5);
        await Runs.PublishAsync(patient.Evaluation, Runs.Header(region, Year), records);
        var request = new GetRatingRequest { Region = region, CreditCode = records[0].CreditCode, Year = Year };
        Assert.False((await patient.Ratings.GetRatingAsync(request)).PossiblyStale);

        await Postgres.StopAsync();
        var marked = await Eventually.TrueAsync(async () => (await patient.Ratings.GetRatingAsync(request)).PossiblyStale, TimeSpan.FromSeconds(15));
        Assert.True(marked, "reads were not marked possibly stale 15 s into the outage");

        await Postgres.RestartAsync();
        var fresh = await Eventually.TrueAsync(async () => !(await patient.Ratings.GetRatingAsync(request)).PossiblyStale, TimeSpan.FromSeconds(15));
        Assert.True(fresh, "reads stayed possibly stale 15 s after PostgreSQL came back");
    }

    [Fact]
    public async Task Reads_AnotherInstanceThatNeverReadTheRegion_ServesFromTheLastKnownPointerInRedis()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, Year, count: 5);
        await Runs.PublishAsync(Server.Evaluation, Runs.Header(region, Year), records);
        Assert.False((await GetAsync(region, records[0].CreditCode, Year)).Response.PossiblyStale);

        // Started while the database is up, it has no pointer of its own: only Redis can name the publication.
        await using var second = await ServerInstance.StartAsync(ServerSettings.Postgres(Server.StoreConnectionString) with
        {
            RedisConnectionString = stack!.Redis.ConnectionString,
            CacheEnabled = false,
            Configuration = new Dictionary<string, string?>(OutageStack.ShortPointers) { ["MuScore:Cache:WarmOnPublish"] = "false" },
        });
        await Postgres.StopAsync();

        // Past the trusted copy's lifetime in Redis, so the answer can only come from the last known copy.
        await Task.Delay(Trusted);
        var request = new GetRatingRequest { Region = region, CreditCode = records[0].CreditCode, Year = Year };

        // The new instance's first Redis calls may exceed the 250 ms Redis timeout on a loaded machine
        // (cold paths) and then fall back to the stopped database; a later try must succeed. The
        // window outlasts one 5 s break of the Redis circuit breaker, should those timeouts open it.
        GetRatingResponse? response = null;
        var answered = await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    response = await second.Ratings.GetRatingAsync(request);
                    return true;
                }
                catch (RpcException exception) when (exception.StatusCode == StatusCode.Unavailable)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(15));

        Assert.True(answered, "the instance that never read the region could not answer from Redis");
        Assert.True(response!.PossiblyStale);
        Assert.Equal(records[0].CreditCode, response.Rating.CreditCode);
    }

    [Fact]
    public async Task QuoteTariff_PostgresStopped_AnswersFromTheCachedRatingInForce()
    {
        var region = PolicyRuns.NextShandong();
        var records = Records.Sample(region, Year, count: 10);
        await Runs.PublishAsync(Server.Evaluation, Runs.Header(region, Year), records);

        // A billing date after the publication, so the newest version is the one in force (no earlier version is read).
        var billing = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var request = new QuoteTariffRequest { CreditCode = records[0].CreditCode, Region = region, Utility = Utility.Electricity, BillingDate = billing };
        var policies = new PolicyService.PolicyServiceClient(Server.Channel);
        var before = await policies.QuoteTariffAsync(request);
        await Postgres.StopAsync();
        await Task.Delay(Trusted);

        var during = await policies.QuoteTariffAsync(request);

        Assert.Contains(before.Status, new[] { QuoteStatus.Quoted, QuoteStatus.NoneApplies });
        Assert.NotNull(before.Rating);
        Assert.False(before.PossiblyStale);

        // The same quote, only marked (PolicyDatabaseOutageTests covers the marking itself).
        Assert.True(during.PossiblyStale);
        during.PossiblyStale = false;
        Assert.Equal(before, during);
    }

    private async Task<(GetRatingResponse Response, Metadata Trailers)> GetAsync(string region, string code, int? year)
    {
        var request = new GetRatingRequest { Region = region, CreditCode = code };
        if (year is { } y)
        {
            request.Year = y;
        }

        using var call = Server.Ratings.GetRatingAsync(request);
        var response = await call.ResponseAsync;
        return (response, call.GetTrailers());
    }
}

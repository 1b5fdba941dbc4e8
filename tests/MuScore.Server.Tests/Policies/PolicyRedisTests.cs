using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Caching;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Redis;
using MuScore.TestSupport.Server;
using StackExchange.Redis;

namespace MuScore.Server.Tests.Policies;

/// <summary>
/// Tariff quotes with Redis in the path: two real servers on one SQLite file and one redis-server
/// (each test owns all three), a Shandong region whose enterprise is vetoed to D, called through
/// real gRPC clients.
/// </summary>
public sealed class PolicyRedisTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    private readonly TempDirectory directory = new();
    private readonly string region = PolicyRuns.NextShandong();
    private readonly DateOnly billing = PolicyRuns.ChinaToday().AddDays(1);
    private readonly EnterpriseRecord vetoed;
    private readonly List<EnterpriseRecord> records;
    private RedisServer? redis;
    private ServerInstance? first;
    private ServerInstance? second;

    public PolicyRedisTests()
    {
        vetoed = Records.Enterprise(1, region, tax: 500m);
        vetoed.FailsStandards = "是";
        records = Records.Sample(region, Year, count: 40);
        records.Add(vetoed);
    }

    /// <summary>The evaluated year in force on the billing date.</summary>
    private int Year => billing.Year - 1;

    private RedisServer Redis => redis!;

    private ServerInstance First => first!;

    private ServerInstance Second => second!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        var file = directory.File("muscore.db");
        first = await ServerInstance.StartAsync(ServerSettings.Sqlite(file) with { RedisConnectionString = Redis.ConnectionString });

        // The second instance keeps no ratings in process, so what it answers comes from Redis or the database.
        second = await ServerInstance.StartAsync(ServerSettings.Sqlite(file) with { RedisConnectionString = Redis.ConnectionString, CacheEnabled = false });

        // Subscribed, an instance trusts its publication pointers 10 s: only pub/sub can make it see a new version sooner.
        var subscribed = await Eventually.TrueAsync(() => Task.FromResult(Subscribed(First) && Subscribed(Second)), TimeSpan.FromSeconds(5));
        Assert.True(subscribed, "the servers did not subscribe to invalidations within 5 s");
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        await Redis.DisposeAsync();
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task QuoteTariff_SecondInstanceSharingRedis_ServedFromRedisNamingTheSameRun()
    {
        var (run, publication) = await Runs.PublishAsync(First.Evaluation, Runs.Header(region, Year), records);
        var query = QuoteTariffTests.Query(vetoed.CreditCode, region, billing, quantity: "1000");

        var once = await QuoteAsync(First, query);
        var twice = await QuoteAsync(First, query);

        AssertFirstYearD(once, run, publication);
        Assert.Equal(once, twice);
        using var inspector = await ConnectionMultiplexer.ConnectAsync($"{Redis.ConnectionString},allowAdmin=true");
        Assert.True(
            await inspector.GetDatabase().KeyExistsAsync(RedisStats.RatingKey(region, Year, publication.Version, vetoed.CreditCode)),
            "the first instance's quote did not put the rating it read into Redis");

        // The first quote also resolves the publication pointers; measured over the second, when those
        // are held in process, a keyspace hit can only be the rating itself read from Redis.
        var fromSecond = await QuoteAsync(Second, query);
        var hitsBefore = await RedisStats.KeyspaceHitsAsync(inspector);
        var againFromSecond = await QuoteAsync(Second, query);
        var hitsAfter = await RedisStats.KeyspaceHitsAsync(inspector);

        Assert.Equal(once, fromSecond);
        Assert.Equal(once, againFromSecond);
        Assert.True(hitsAfter > hitsBefore, $"keyspace_hits stayed at {hitsBefore}: the second instance's quote did not read the rating from Redis");
    }

    [Fact]
    public async Task QuoteTariff_NewVersionPublishedOnOneInstance_BothQuoteTheNewClassWithinTwoSeconds()
    {
        var (run, publication) = await Runs.PublishAsync(First.Evaluation, Runs.Header(region, Year), records);
        var query = QuoteTariffTests.Query(vetoed.CreditCode, region, billing, quantity: "1000");
        AssertFirstYearD(await QuoteAsync(First, query), run, publication);
        AssertFirstYearD(await QuoteAsync(Second, query), run, publication);

        // Corrected: not failing standards after all, and in construction with 1.2亿 of investment, which makes it A.
        var corrected = records.ConvertAll(record => record.Clone());
        corrected[^1].FailsStandards = string.Empty;
        corrected[^1].InConstruction = "是";
        corrected[^1].FixedAssetInvestment = "12000";
        var (newRun, newPublication) = await Runs.PublishAsync(First.Evaluation, Runs.Header(region, Year), corrected);
        var watch = Stopwatch.StartNew();
        var seen = await Eventually.TrueAsync(
            async () => (await QuoteAsync(First, query)).Rating?.Version == 2 && (await QuoteAsync(Second, query)).Rating?.Version == 2,
            Deadline);
        var elapsed = watch.Elapsed;

        Assert.Equal(2, newPublication.Version);
        Assert.True(seen, $"an instance still quoted version 1 {elapsed.TotalSeconds:0.0} s after the new version was published");
        foreach (var server in new[] { First, Second })
        {
            var quote = await QuoteAsync(server, query);
            Assert.Equal(QuoteStatus.NoneApplies, quote.Status);
            Assert.Equal(RatingClass.A, quote.RatingClass);
            Assert.Equal(0, quote.ConsecutiveDYears);
            Assert.Equal("0", quote.SurchargePerUnit);
            Assert.Equal("0", quote.Amount);
            Assert.Equal(newRun.RunId, quote.Rating.RunId);
            Assert.Equal(newPublication.PublishedAt, quote.Rating.PublishedAt);
            Assert.All(quote.Candidates, c => Assert.False(c.Matches));
        }
    }

    [Fact]
    public async Task QuoteTariff_RedisKilled_AnswersFromTheDatabaseWithinTwoSeconds()
    {
        var (run, publication) = await Runs.PublishAsync(First.Evaluation, Runs.Header(region, Year), records);
        var d = QuoteTariffTests.Query(vetoed.CreditCode, region, billing, quantity: "1000");
        var a = QuoteTariffTests.Query(await PolicyRuns.FirstOfClassAsync(First, region, Year, RatingClass.A), region, billing);
        var b = QuoteTariffTests.Query(await PolicyRuns.FirstOfClassAsync(First, region, Year, RatingClass.B), region, billing);
        var expectedD = await QuoteAsync(First, d);
        var expectedA = await QuoteAsync(First, a);
        AssertFirstYearD(expectedD, run, publication);
        Assert.Equal(expectedD, await QuoteAsync(Second, d));
        Assert.Equal(expectedA, await QuoteAsync(Second, a));

        Redis.Kill();

        // Rounds spread over more than the 1 s pointer lifetime without a subscription, so later rounds
        // re-read the publication from the database; B was never quoted, so no cache holds its rating.
        for (var round = 0; round < 4; round++)
        {
            foreach (var server in new[] { First, Second })
            {
                Assert.Equal(expectedD, await QuoteAsync(server, d, DateTime.UtcNow.Add(Deadline)));
                Assert.Equal(expectedA, await QuoteAsync(server, a, DateTime.UtcNow.Add(Deadline)));
                var quoteB = await QuoteAsync(server, b, DateTime.UtcNow.Add(Deadline));
                Assert.Equal(QuoteStatus.NoneApplies, quoteB.Status);
                Assert.Equal(RatingClass.B, quoteB.RatingClass);
                Assert.Equal(run.RunId, quoteB.Rating.RunId);
                Assert.Equal(publication.Version, quoteB.Rating.Version);
            }

            await Task.Delay(400);
        }
    }

    private void AssertFirstYearD(TariffQuote quote, Run run, Publication publication)
    {
        Assert.Equal(QuoteStatus.Quoted, quote.Status);
        Assert.Equal(RatingClass.D, quote.RatingClass);
        Assert.Equal(1, quote.ConsecutiveDYears);
        Assert.Equal("0.05", quote.SurchargePerUnit);
        Assert.Equal("50", quote.Amount);
        Assert.Equal("shandong-2022", quote.Policy.Id);
        Assert.Equal("差别化电价 D类", quote.Clause);
        Assert.Equal(run.RunId, quote.Rating.RunId);
        Assert.Equal(publication.Version, quote.Rating.Version);
        Assert.Equal(Year, quote.Rating.Year);
        Assert.Equal(region, quote.Rating.Region);
        Assert.Equal(publication.PublishedAt, quote.Rating.PublishedAt);
    }

    private static bool Subscribed(ServerInstance server) => server.Services.GetRequiredService<LocalPointers>().Subscribed;

    private static async Task<TariffQuote> QuoteAsync(ServerInstance server, QuoteTariffRequest query, DateTime? deadline = null)
    {
        try
        {
            return await new PolicyService.PolicyServiceClient(server.Channel).QuoteTariffAsync(query, deadline: deadline);
        }
        catch (RpcException e)
        {
            throw new Xunit.Sdk.XunitException($"QuoteTariff {query.CreditCode} on {server.Address} failed: {e.Status}");
        }
    }
}

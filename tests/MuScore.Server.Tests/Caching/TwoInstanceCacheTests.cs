using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Caching;
using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Postgres;
using MuScore.TestSupport.Redis;
using MuScore.TestSupport.Server;
using StackExchange.Redis;
using ProtoRating = MuScore.Contracts.V1.Rating;

namespace MuScore.Server.Tests.Caching;

/// <summary>
/// End to end: two real servers on one PostgreSQL database and one redis-server (each test owns
/// its Redis and database), called through real gRPC clients, with the default cache settings.
/// </summary>
public sealed class TwoInstanceCacheTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private const int Year = 2024;

    private RedisServer? redis;
    private ServerInstance? first;
    private ServerInstance? second;
    private string region = string.Empty;
    private List<EnterpriseRecord> records = [];

    private RedisServer Redis => redis!;

    private ServerInstance First => first!;

    private ServerInstance Second => second!;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync(PostgresServer.UniqueDatabaseName("cache"));
        first = await ServerInstance.StartAsync(ServerSettings.Postgres(database) with { RedisConnectionString = Redis.ConnectionString });

        // The second instance keeps no ratings in process, so its reads show what Redis holds.
        second = await ServerInstance.StartAsync(ServerSettings.Postgres(database) with { RedisConnectionString = Redis.ConnectionString, CacheEnabled = false });
        region = Regions.Next();
        records = Records.Sample(region, Year, count: 60);
    }

    public async Task DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        await Redis.DisposeAsync();
    }

    [Fact]
    public async Task PublishRun_OnOneInstance_TheOtherServesTheNewVersionWithinOneSecond()
    {
        var (_, publication) = await Runs.PublishAsync(First.Evaluation, Runs.Header(region, Year), records);
        var code = records[7].CreditCode;

        // Subscribed, instance 2 keeps pointers 10 s: only the invalidation message can make it see v2 in time.
        var pointers = Second.Services.GetRequiredService<LocalPointers>();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(pointers.Subscribed), TimeSpan.FromSeconds(5)));
        Assert.Equal(1, publication.Version);
        Assert.Equal(1, (await GetAsync(Second, code)).Version);
        Assert.Equal(1, (await GetAsync(First, code)).Version);

        // A different input is a different run: publishing it makes version 2 of the region and year.
        var revised = records.ConvertAll(record => record.Clone());
        revised[0].Tax = "987.65";
        var (_, republished) = await Runs.PublishAsync(First.Evaluation, Runs.Header(region, Year), revised);
        var seen = await Eventually.TrueAsync(async () => (await GetAsync(Second, code)).Version == 2, TimeSpan.FromSeconds(1));

        Assert.Equal(2, republished.Version);
        Assert.Equal(2, (await GetAsync(First, code)).Version);
        Assert.True(seen, "instance 2 still served version 1 one second after instance 1 acknowledged the publish");
    }

    [Fact]
    public async Task GetRating_RedisKilledThenRestarted_EveryCallAnsweredAndTheCachedPathResumes()
    {
        await Runs.PublishAsync(First.Evaluation, Runs.Header(region, Year), records);
        foreach (var record in records.Take(20))
        {
            await GetAsync(First, record.CreditCode);
            await GetAsync(Second, record.CreditCode);
        }

        Redis.Kill();

        // Every call carries a 2 s deadline, as a billing client's would: a call left waiting on
        // Redis's own 5 s timeouts would fail with DEADLINE_EXCEEDED instead of being answered.
        foreach (var record in records.Take(40))
        {
            foreach (var server in new[] { First, Second })
            {
                var rating = await GetAsync(server, record.CreditCode, DateTime.UtcNow.AddSeconds(2));
                Assert.Equal(record.CreditCode, rating.CreditCode);
            }
        }

        var batch = await Second.Ratings.BatchGetRatingsAsync(
            new BatchGetRatingsRequest { Region = region, Year = Year, CreditCodes = { records.Select(r => r.CreditCode) } },
            deadline: DateTime.UtcNow.AddSeconds(2));
        Assert.All(batch.Entries, entry => Assert.Equal(BatchEntry.ResultOneofCase.Rating, entry.ResultCase));

        await Redis.RestartAsync();
        using var inspector = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var code = records[45].CreditCode;
        var resumed = await Eventually.TrueAsync(
            async () =>
            {
                var rating = await GetAsync(Second, code);
                return await inspector.GetDatabase().KeyExistsAsync($"muscore:v2:rating:{{{region}:{Year}:{rating.Version}}}:{code}");
            },
            TimeSpan.FromSeconds(20));

        Assert.True(resumed, "no rating reached Redis within 20 s of its restart: the cached path did not resume");
    }

    private async Task<ProtoRating> GetAsync(ServerInstance server, string code, DateTime? deadline = null)
    {
        try
        {
            return (await server.Ratings.GetRatingAsync(new GetRatingRequest { Region = region, CreditCode = code, Year = Year }, deadline: deadline)).Rating;
        }
        catch (RpcException e)
        {
            throw new Xunit.Sdk.XunitException($"GetRating {code} on {server.Address} failed: {e.Status}");
        }
    }
}

using MuScore.Server.Tests.Caching.Support;
using MuScore.Server.Tests.Support;
using StackExchange.Redis;
using ProtoRating = MuScore.Contracts.V1.Rating;
using static MuScore.Server.Tests.Caching.Support.TwoServersOnRedis;

namespace MuScore.Server.Tests.Caching;

/// <summary>
/// End to end on a real three-master Redis Cluster: batch and coalesced reads are answered by Redis
/// (not by a silent fall back to the database), and a publish reaches the other instance.
/// </summary>
public sealed class RedisClusterCacheTests(RedisClusterFixture fixture) : IClassFixture<RedisClusterFixture>, IAsyncLifetime
{
    private TwoServersOnRedis? servers;

    private TwoServersOnRedis Servers => servers!;

    public async Task InitializeAsync() => servers = await TwoServersOnRedis.StartAsync(fixture.Cluster.ConnectionString);

    public async Task DisposeAsync() => await Servers.DisposeAsync();

    [Fact]
    public async Task BatchGetRatings_OnACluster_IsAnsweredFromRedis()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, Year, count: 60);
        await Runs.PublishAsync(Servers.First.Evaluation, Runs.Header(region, Year), records);
        var codes = records.ConvertAll(record => record.CreditCode);

        // The first batch misses and writes every rating to Redis; the cluster holds them all.
        await Servers.BatchOnSecondAsync(region, codes);
        using var inspector = await ConnectionMultiplexer.ConnectAsync(fixture.Cluster.ConnectionString);
        foreach (var code in codes)
        {
            Assert.True(await inspector.GetDatabase().KeyExistsAsync(RatingKey(region, 1, code)), $"{code} was not written to the cluster");
        }

        // Then each is one MGET the cluster answers: a hit per key, and no fall back.
        IReadOnlyList<ProtoRating> ratings = [];
        var answered = await Servers.AnsweredByRedisAsync(
            async () => ratings = await Servers.BatchOnSecondAsync(region, codes), codes.Count, () => fixture.Cluster.Nodes);

        Assert.True(answered, $"batch reads were not answered by the cluster; the cache log:\n{Servers.SecondCacheLog()}");
        Assert.Equal(codes, ratings.Select(rating => rating.CreditCode));
    }

    [Fact]
    public async Task GetRating_ConcurrentReadsOfSeveralPublications_AreAnsweredFromRedis()
    {
        // Concurrent single reads are coalesced into one MGET across publications, that is across slots.
        var regions = Enumerable.Range(0, 4).Select(_ => Regions.Next()).ToList();
        var reads = new List<(string Region, string Code)>();
        foreach (var region in regions)
        {
            var records = Records.Sample(region, Year, count: 20);
            await Runs.PublishAsync(Servers.First.Evaluation, Runs.Header(region, Year), records);
            reads.AddRange(records.Select(record => (region, record.CreditCode)));
        }

        await Task.WhenAll(reads.Select(read => GetAsync(Servers.Second, read.Region, read.Code)));
        ProtoRating[] ratings = [];
        var answered = await Servers.AnsweredByRedisAsync(
            async () => ratings = await Task.WhenAll(reads.Select(read => GetAsync(Servers.Second, read.Region, read.Code))),
            reads.Count,
            () => fixture.Cluster.Nodes);

        Assert.True(answered, $"coalesced reads were not answered by the cluster; the cache log:\n{Servers.SecondCacheLog()}");
        Assert.Equal(reads.Select(read => read.Code), ratings.Select(rating => rating.CreditCode));
    }

    [Fact]
    public async Task PublishRun_OnOneInstance_TheOtherServesTheNewVersionWellBeforeItsPointersExpire()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, Year, count: 20);
        await Runs.PublishAsync(Servers.First.Evaluation, Runs.Header(region, Year), records);
        var code = records[3].CreditCode;
        Assert.True(await Servers.SecondSubscribedAsync(TimeSpan.FromSeconds(10)), "the second instance never trusted its subscription");
        Assert.Equal(1, (await GetAsync(Servers.Second, region, code)).Version);

        var revised = records.ConvertAll(record => record.Clone());
        revised[0].Tax = "987.65";
        await Runs.PublishAsync(Servers.First.Evaluation, Runs.Header(region, Year), revised);
        var seen = await Eventually.TrueAsync(async () => (await GetAsync(Servers.Second, region, code)).Version == 2, TimeSpan.FromSeconds(3));

        Assert.True(seen, "instance 2 still served version 1 three seconds after instance 1 acknowledged the publish (its pointers live 10 s)");
    }

    internal static RedisKey RatingKey(string region, int version, string code) => $"muscore:v2:rating:{{{region}:{Year}:{version}}}:{code}";
}

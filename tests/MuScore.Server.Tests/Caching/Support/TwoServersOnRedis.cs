using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using MuScore.Contracts.V1;
using MuScore.Server.Caching;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Redis;
using MuScore.TestSupport.Server;
using StackExchange.Redis;
using ProtoRating = MuScore.Contracts.V1.Rating;

namespace MuScore.Server.Tests.Caching.Support;

/// <summary>
/// Two real servers on one SQLite file and one Redis deployment (cluster or sentinel), called
/// through real gRPC clients. The second keeps no ratings in process, so its reads show what Redis
/// holds, and it logs the cache at Debug, so a read that fell back to the database is seen.
/// </summary>
internal sealed class TwoServersOnRedis : IAsyncDisposable
{
    public const int Year = 2024;

    private readonly TempDirectory directory;

    private TwoServersOnRedis(TempDirectory directory, ServerInstance first, ServerInstance second, CapturedLogs secondLogs)
    {
        this.directory = directory;
        First = first;
        Second = second;
        SecondLogs = secondLogs;
    }

    public ServerInstance First { get; }

    public ServerInstance Second { get; }

    public CapturedLogs SecondLogs { get; }

    /// <summary>What the second server logged each time it fell back to the database because Redis failed.</summary>
    public IReadOnlyList<string> SecondFallbacks => [.. SecondLogs.Named("RedisFallback").Select(entry => entry.Message)];

    public static async Task<TwoServersOnRedis> StartAsync(string redisConnectionString)
    {
        var directory = new TempDirectory();
        var database = directory.File("ratings.db");
        var logs = new CapturedLogs();
        var first = await ServerInstance.StartAsync(ServerSettings.Sqlite(database) with { RedisConnectionString = redisConnectionString });
        var second = await ServerInstance.StartAsync(ServerSettings.Sqlite(database) with
        {
            RedisConnectionString = redisConnectionString,
            CacheEnabled = false,
            Logs = logs,
            Configuration = new Dictionary<string, string?> { [$"Logging:LogLevel:{CacheLog.Category}"] = "Debug" },
        });
        return new TwoServersOnRedis(directory, first, second, logs);
    }

    /// <summary>Whether the second server trusts its subscription (pointers then live 10 s: only a message refreshes them in time).</summary>
    public Task<bool> SecondSubscribedAsync(TimeSpan timeout)
    {
        var pointers = Second.Services.GetRequiredService<LocalPointers>();
        return Eventually.TrueAsync(() => Task.FromResult(pointers.Subscribed), timeout);
    }

    /// <summary>
    /// Whether a probe message published through <paramref name="redisConnectionString"/> (a region no
    /// test uses) reaches the second server within <paramref name="timeout"/>. "Subscribed" is the
    /// client's word; after a failover on a loaded machine the re-subscription may still be on its way
    /// to a live node, and only a message seen proves it arrived.
    /// </summary>
    public async Task<bool> SecondHearsTheChannelAsync(string redisConnectionString, TimeSpan timeout)
    {
        using var prober = await ConnectionMultiplexer.ConnectAsync(redisConnectionString);
        return await Eventually.TrueAsync(
            async () =>
            {
                await prober.GetSubscriber().PublishAsync(RedisChannel.Literal("muscore:v2:published"), "000000:0");
                await Task.Delay(200);
                return SecondCacheLog().Contains("region 000000", StringComparison.Ordinal);
            },
            timeout);
    }

    public static async Task<ProtoRating> GetAsync(ServerInstance server, string region, string code, DateTime? deadline = null)
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

    /// <summary>A batch read on the second server; fails the test unless every entry is a rating.</summary>
    public async Task<IReadOnlyList<ProtoRating>> BatchOnSecondAsync(string region, IEnumerable<string> codes, DateTime? deadline = null)
    {
        var response = await Second.Ratings.BatchGetRatingsAsync(
            new BatchGetRatingsRequest { Region = region, Year = Year, CreditCodes = { codes } },
            deadline: deadline);
        Assert.All(response.Entries, entry => Assert.Equal(BatchEntry.ResultOneofCase.Rating, entry.ResultCase));
        return [.. response.Entries.Select(entry => entry.Rating)];
    }

    /// <summary>INFO stats keyspace_hits summed over the running nodes: successful key look-ups, as an operator reads them.</summary>
    public static async Task<long> KeyspaceHitsAsync(IEnumerable<RedisNode> nodes)
    {
        long hits = 0;
        foreach (var node in nodes.Where(node => node.IsRunning))
        {
            var stats = await node.CommandAsync("INFO", "stats");
            var line = stats.Split('\n').Single(l => l.StartsWith("keyspace_hits:", StringComparison.Ordinal));
            hits += long.Parse(line["keyspace_hits:".Length..].Trim(), CultureInfo.InvariantCulture);
        }

        return hits;
    }

    /// <summary>
    /// Whether one round of reads on the second server was answered by Redis: at least
    /// <paramref name="keys"/> key hits counted by the nodes themselves and no fall back logged.
    /// Asked again until true or 30 s pass, so one command timing out on a loaded machine does not
    /// fail a test; a cluster refusing the reads (e.g. a multi-slot MGET) fails every round.
    /// </summary>
    public Task<bool> AnsweredByRedisAsync(Func<Task> round, int keys, Func<IEnumerable<RedisNode>> nodes) =>
        Eventually.TrueAsync(
            async () =>
            {
                var fallbacksBefore = SecondFallbacks.Count;
                var hitsBefore = await KeyspaceHitsAsync(nodes());
                await round();
                var hits = await KeyspaceHitsAsync(nodes()) - hitsBefore;
                return hits >= keys && SecondFallbacks.Count == fallbacksBefore;
            },
            TimeSpan.FromSeconds(30));

    /// <summary>What the second server's cache logged, for a failure message.</summary>
    public string SecondCacheLog() =>
        string.Join('\n', SecondLogs.Entries.Where(entry => entry.Category == CacheLog.Category).Select(entry => $"{entry.EventName}: {entry.Message}"));

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        directory.Dispose();
    }
}

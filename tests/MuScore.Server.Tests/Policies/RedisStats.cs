using System.Globalization;
using StackExchange.Redis;

namespace MuScore.Server.Tests.Policies;

/// <summary>What a redis-server reports about itself, read as an operator would (INFO).</summary>
internal static class RedisStats
{
    /// <summary>INFO stats keyspace_hits: successful key look-ups since the server started.</summary>
    public static async Task<long> KeyspaceHitsAsync(IConnectionMultiplexer inspector)
    {
        var server = inspector.GetServer(inspector.GetEndPoints()[0]);
        var sections = await server.InfoAsync("stats");
        var hits = sections.SelectMany(section => section).Single(pair => pair.Key == "keyspace_hits");
        return long.Parse(hits.Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The key the cache stores one enterprise's rating of one publication under (RedisKeys, default prefix).</summary>
    public static RedisKey RatingKey(string region, int year, int version, string code) =>
        string.Create(CultureInfo.InvariantCulture, $"muscore:v2:rating:{{{region}:{year}:{version}}}:{code}");
}

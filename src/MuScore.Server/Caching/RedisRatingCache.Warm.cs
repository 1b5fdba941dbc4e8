using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>The regions a starting instance warms (see <see cref="PublicationWarmer"/>).</summary>
internal sealed partial class RedisRatingCache
{
    /// <summary>Records that a region was published, so starting instances warm it.</summary>
    public async ValueTask<bool> TryAddPublishedRegionAsync(string region, CancellationToken cancellationToken)
    {
        var (answered, _) = await RunAsync(
            "SADD published region",
            static (db, state) => db.SetAddAsync(state.Key, state.Region),
            (Key: keys.PublishedRegions, Region: region),
            cancellationToken).ConfigureAwait(false);
        return answered;
    }

    /// <summary>Every region recorded by <see cref="TryAddPublishedRegionAsync"/>; null when Redis did not answer.</summary>
    public async ValueTask<string[]?> TryGetPublishedRegionsAsync(CancellationToken cancellationToken)
    {
        var (answered, members) = await RunAsync("SMEMBERS published regions", static (db, k) => db.SetMembersAsync(k), keys.PublishedRegions, cancellationToken).ConfigureAwait(false);
        return answered ? Array.ConvertAll(members, static m => (string)m!) : null;
    }
}

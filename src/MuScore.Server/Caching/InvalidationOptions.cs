using System.ComponentModel.DataAnnotations;

namespace MuScore.Server.Caching;

/// <summary>
/// How long this instance trusts what it knows about the newest publication of a region and year
/// (section <c>MuScore:Cache</c>, next to <see cref="Options.CacheOptions"/>). Ratings are cached
/// under their publication version and never change; only this small "latest publication" pointer
/// can go stale, and a publish invalidates it here at once and on other instances over Redis
/// pub/sub. The TTLs bound staleness when an invalidation message cannot arrive.
/// </summary>
public sealed class InvalidationOptions
{
    /// <summary>Configuration section (shared with <see cref="Options.CacheOptions"/>).</summary>
    public const string Section = "MuScore:Cache";

    /// <summary>
    /// Pointer lifetime while this instance is subscribed to invalidations (default 10 s). A safety
    /// net only: subscribed instances learn of a publish within milliseconds. It bounds staleness in
    /// the one case pub/sub cannot cover, a publisher that loses Redis and dies before it can retry.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan PointerTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Pointer lifetime while no invalidation can arrive: Redis down, not configured, or the
    /// subscription not (yet) established (default 1 s). Instances then re-read the pointer from the
    /// database at most once a second per region and year, so they agree within about a second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PointerTtlWithoutSubscription { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Lifetime of the trusted pointer copies in Redis (default 60 s): bounds a stale pointer left by
    /// a publish Redis never saw. The last known copies, read only while the database is down, never expire.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RedisPointerTtl { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the subscription is checked and failed invalidations are retried (default 250 ms).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}

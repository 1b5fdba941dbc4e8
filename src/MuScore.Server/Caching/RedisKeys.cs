using System.Globalization;
using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>
/// Every Redis key and channel the cache uses, under one versioned prefix (default "muscore:v2:")
/// so a change of format never reads entries written by an older server. The part in braces is the
/// Redis Cluster hash tag: keys read together (one MGET of a batch, the two pointer copies one
/// script moves) share it, so they live in one slot.
/// <list type="bullet">
/// <item><c>{prefix}rating:{{region}:{year}:{version}}:{code}</c> — protobuf bytes of the rating, or empty for "not in this publication"; immutable, expires after <c>MuScore:Redis:Ttl</c>.</item>
/// <item><c>{prefix}pointer:{{region}:{year|latest}}</c> — "year:version" of the newest publication; only ever moved forward, expires after <c>MuScore:Cache:RedisPointerTtl</c>.</item>
/// <item><c>{prefix}last-pointer:{{region}:{year|latest}}</c> — the same, never expiring: the last known pointer, read only when the database cannot be asked.</item>
/// <item><c>{prefix}published</c> — pub/sub channel; message "region:year" after each publish.</item>
/// <item><c>{prefix}published-regions</c> — set of every region published since Redis started: what a starting instance warms.</item>
/// </list>
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    public RedisChannel Channel { get; } = RedisChannel.Literal(prefix + "published");

    public RedisKey PublishedRegions { get; } = prefix + "published-regions";

    public RedisKey Rating(RatingKey key) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}rating:{{{key.Region}:{key.Year}:{key.Version}}}:{key.CreditCode}");

    public RedisKey Pointer(PointerKey key) => string.Create(CultureInfo.InvariantCulture, $"{prefix}pointer:{PointerTag(key)}");

    public RedisKey LastPointer(PointerKey key) => string.Create(CultureInfo.InvariantCulture, $"{prefix}last-pointer:{PointerTag(key)}");

    public static string Message(string region, int year) => string.Create(CultureInfo.InvariantCulture, $"{region}:{year}");

    /// <summary>The region of an invalidation message; null when the message is not ours.</summary>
    public static string? RegionOf(string? message)
    {
        var colon = message?.LastIndexOf(':') ?? -1;
        return colon > 0 ? message![..colon] : null;
    }

    // Both copies of one pointer share this tag: the pointer-forward script touches them together.
    private static string PointerTag(PointerKey key) => key.Year == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{{{key.Region}:latest}}")
        : string.Create(CultureInfo.InvariantCulture, $"{{{key.Region}:{key.Year}}}");
}

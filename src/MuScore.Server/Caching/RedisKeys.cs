using System.Globalization;
using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>
/// Every Redis key and channel the cache uses, under one versioned prefix (default "muscore:v1:")
/// so a change of format never reads entries written by an older server.
/// <list type="bullet">
/// <item><c>{prefix}rating:{region}:{year}:{version}:{code}</c> — protobuf bytes of the rating, or empty for "not in this publication"; immutable, expires after <c>MuScore:Redis:Ttl</c>.</item>
/// <item><c>{prefix}pointer:{region}:{year|latest}</c> — "year:version" of the newest publication; only ever moved forward, expires after <c>MuScore:Cache:RedisPointerTtl</c>.</item>
/// <item><c>{prefix}last-pointer:{region}:{year|latest}</c> — the same, never expiring: the last known pointer, read only when the database cannot be asked.</item>
/// <item><c>{prefix}published</c> — pub/sub channel; message "region:year" after each publish.</item>
/// <item><c>{prefix}published-regions</c> — set of every region published since Redis started: what a starting instance warms.</item>
/// </list>
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    public RedisChannel Channel { get; } = RedisChannel.Literal(prefix + "published");

    public RedisKey PublishedRegions { get; } = prefix + "published-regions";

    public RedisKey Rating(RatingKey key) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}rating:{key.Region}:{key.Year}:{key.Version}:{key.CreditCode}");

    public RedisKey Pointer(PointerKey key) => key.Year == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{prefix}pointer:{key.Region}:latest")
        : string.Create(CultureInfo.InvariantCulture, $"{prefix}pointer:{key.Region}:{key.Year}");

    public RedisKey LastPointer(PointerKey key) => key.Year == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{prefix}last-pointer:{key.Region}:latest")
        : string.Create(CultureInfo.InvariantCulture, $"{prefix}last-pointer:{key.Region}:{key.Year}");

    public static string Message(string region, int year) => string.Create(CultureInfo.InvariantCulture, $"{region}:{year}");

    /// <summary>The region of an invalidation message; null when the message is not ours.</summary>
    public static string? RegionOf(string? message)
    {
        var colon = message?.LastIndexOf(':') ?? -1;
        return colon > 0 ? message![..colon] : null;
    }
}

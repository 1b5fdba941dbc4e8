using System.ComponentModel.DataAnnotations;

namespace MuScore.Server.Caching;

/// <summary>
/// Warming the caches with a publication's ratings before anyone asks for them (section
/// <c>MuScore:Cache</c>, next to <see cref="Options.CacheOptions"/>); docs/caching.md, "Warming".
/// </summary>
public sealed class WarmOptions
{
    /// <summary>Configuration section (shared with <see cref="Options.CacheOptions"/>).</summary>
    public const string Section = "MuScore:Cache";

    /// <summary>
    /// Whether a publish is warmed (default true): the publisher writes every rating of the new
    /// version to Redis, and every instance loads up to its share into the in-process cache.
    /// </summary>
    public bool WarmOnPublish { get; set; } = true;

    /// <summary>
    /// Whether a starting instance loads the newest publication of each region published through
    /// Redis before it reports SERVING (default true), for at most <see cref="WarmStartTimeout"/>.
    /// </summary>
    public bool WarmOnStart { get; set; } = true;

    /// <summary>
    /// Longest that start-up warming holds SERVING back (default 30 s); after it the instance
    /// reports SERVING and what was not loaded comes on first read.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan WarmStartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The share of <see cref="Options.CacheOptions.SizeLimit"/> one warm pass may fill (default
    /// 0.5): a publication bigger than that loads its first ratings in the store's order only, so
    /// warming never pushes out more than this share of what is being read.
    /// </summary>
    [Range(0.0, 1.0)]
    public double WarmShare { get; set; } = 0.5;
}

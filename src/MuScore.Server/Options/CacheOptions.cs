using System.ComponentModel.DataAnnotations;

namespace MuScore.Server.Options;

/// <summary>
/// The bounded in-process cache of published ratings (section <c>MuScore:Cache</c>). Published
/// ratings never change in place, so entries only go stale when a newer version is published,
/// which invalidates them; the TTL bounds how long an entry can outlive a missed invalidation.
/// </summary>
public sealed class CacheOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "MuScore:Cache";

    /// <summary>Whether the in-process cache is used at all (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Most ratings held in process (default 200,000, about a province's enterprises).</summary>
    [Range(1, 50_000_000)]
    public int SizeLimit { get; set; } = 200_000;

    /// <summary>How long an entry lives in process (default 10 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Ttl { get; set; } = TimeSpan.FromMinutes(10);
}

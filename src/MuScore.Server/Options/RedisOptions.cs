using System.ComponentModel.DataAnnotations;

namespace MuScore.Server.Options;

/// <summary>
/// The shared Redis cache (section <c>MuScore:Redis</c>). Optional: without a connection string
/// the server runs on the in-process cache and the database alone.
/// </summary>
public sealed class RedisOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "MuScore:Redis";

    /// <summary>
    /// StackExchange.Redis configuration string, e.g. "127.0.0.1:6379"; for a cluster several nodes
    /// ("r1:6379,r2:6379,r3:6379"), for Sentinel the sentinels and "serviceName=…"; null or empty for none (the default).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Prefix of every key and channel, versioned so a format change never reads old entries
    /// (default "muscore:v2:"). No braces: the keys' own braces are their Redis Cluster hash tags.
    /// </summary>
    [Required]
    [MinLength(1)]
    [RegularExpression("^[^{}]+$", ErrorMessage = "MuScore:Redis:KeyPrefix must not contain '{{' or '}}' (they would change the keys' cluster hash tags).")]
    public string KeyPrefix { get; set; } = "muscore:v2:";

    /// <summary>How long a Redis entry lives (default 1 hour).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Longest wait for one Redis command before falling back to the database (default 300 ms;
    /// the client's own 5 s default makes every request wait while Redis hangs).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Whether a connection string is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);
}

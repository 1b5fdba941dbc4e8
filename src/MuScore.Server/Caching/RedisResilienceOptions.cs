using System.ComponentModel.DataAnnotations;

namespace MuScore.Server.Caching;

/// <summary>
/// How the server protects itself from a slow or absent Redis (section <c>MuScore:Redis</c>, next to
/// <see cref="Options.RedisOptions"/>). Every Redis call runs through one Polly pipeline: a circuit
/// breaker around a timeout, behind a shared fast-fail gate (<see cref="Caching.RedisGate"/>). A
/// timed-out, failed or refused call falls back to the database and shuts the gate for every
/// request, and all the Redis calls of one request share one <see cref="CommandTimeout"/>, so a
/// Redis outage costs one request at most one timeout.
/// </summary>
public sealed class RedisResilienceOptions
{
    /// <summary>Configuration section (shared with <see cref="Options.RedisOptions"/>).</summary>
    public const string Section = "MuScore:Redis";

    /// <summary>
    /// Polly timeout of one Redis call (default 250 ms). Kept under the client's own timeout
    /// (<see cref="Options.RedisOptions.OperationTimeout"/>, 300 ms) so Polly decides first.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:30")]
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Share of failed calls in the sampling window that opens the breaker (default 0.5).</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Window over which the failure ratio is measured (default 5 s; Polly requires at least 0.5 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Calls in the window before the ratio counts (default 10; Polly requires at least 2).</summary>
    [Range(2, 100_000)]
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>
    /// How long the shared gate skips Redis after a failed call before one background trial (default
    /// 1 s): short, so a Redis that is back serves again within about a second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan GateBreakDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the Polly breaker, once open, refuses calls before a trial call (default 5 s; Polly requires at least 0.5 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Longest pause between the client's reconnect attempts (default 2 s): once Redis is back the
    /// connection returns within this plus one heartbeat (1 s), not the client's default 10 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ReconnectMaxInterval { get; set; } = TimeSpan.FromSeconds(2);
}

namespace MuScore.Server.Caching;

/// <summary>
/// A fast-fail gate shared by every Redis call of the process, in front of the Polly pipeline.
/// The first failed or timed-out call shuts it for <c>BreakDuration</c>: every other call, of this
/// request and of every other one, then skips Redis at once instead of paying its own timeout (the
/// Polly breaker needs <c>MinimumThroughput</c> failures first, so many requests would each pay
/// one). After the pause exactly one call probes; its success opens the gate, its failure shuts it again.
/// </summary>
internal sealed class RedisGate(TimeSpan breakDuration)
{
    // Environment.TickCount64 (ms) until which Redis is skipped; 0 while Redis is trusted.
    private long shutUntil;
    private int probing;
    private long failures;
    private long timeouts;

    /// <summary>Redis calls that failed or timed out (calls skipped by the gate are not counted).</summary>
    public long Failures => Interlocked.Read(ref failures);

    /// <summary>Of <see cref="Failures"/>, those that were timeouts.</summary>
    public long Timeouts => Interlocked.Read(ref timeouts);

    /// <summary>Whether a call may go to Redis; <paramref name="probe"/> is set for the one trial call after the pause.</summary>
    public bool TryEnter(out bool probe)
    {
        probe = false;
        var until = Volatile.Read(ref shutUntil);
        if (until == 0)
        {
            return true;
        }

        if (Environment.TickCount64 < until || Interlocked.CompareExchange(ref probing, 1, 0) != 0)
        {
            return false;
        }

        probe = true;
        return true;
    }

    /// <summary>Redis answered: trust it again.</summary>
    public void Succeeded() => Volatile.Write(ref shutUntil, 0);

    /// <summary>Redis failed: shut the gate for everyone.</summary>
    public void Failed(bool timedOut)
    {
        Interlocked.Increment(ref failures);
        if (timedOut)
        {
            Interlocked.Increment(ref timeouts);
        }

        // Never 0, which means "open".
        Volatile.Write(ref shutUntil, Math.Max(1, Environment.TickCount64 + (long)breakDuration.TotalMilliseconds));
    }

    /// <summary>Ends a trial call whatever its outcome (also when its caller gave up), so another may probe.</summary>
    public void EndProbe(bool probe)
    {
        if (probe)
        {
            Volatile.Write(ref probing, 0);
        }
    }
}

namespace MuScore.Server.Caching;

/// <summary>
/// A fast-fail gate shared by every Redis read and write-back of the process, in front of the Polly
/// pipeline. The first failed or timed-out call shuts it for <c>GateBreakDuration</c> (1 s): every
/// other call, of this request and of every other one, then skips Redis at once instead of paying
/// its own timeout (the Polly breaker needs <c>MinimumThroughput</c> failures first, so many requests
/// would each pay one). No request ever probes: once the pause is over, the next call that finds the
/// gate shut starts one background trial (a PING); its success opens the gate, its failure shuts it
/// again. Requests arriving meanwhile keep skipping Redis, so a Redis that stays hung costs nothing
/// after the calls that were already in flight when it stopped answering.
/// </summary>
internal sealed class RedisGate(TimeSpan breakDuration, Func<ValueTask<bool>> probe)
{
    // Environment.TickCount64 (ms) after which a trial may run; 0 while Redis is trusted.
    private long shutUntil;
    private int probing;
    private long failures;
    private long timeouts;
    private long skips;
    private long probes;

    /// <summary>Calls of requests (reads, write-backs) that failed or timed out; trials and skipped calls are not counted.</summary>
    public long Failures => Interlocked.Read(ref failures);

    /// <summary>Of <see cref="Failures"/>, those that were timeouts.</summary>
    public long Timeouts => Interlocked.Read(ref timeouts);

    /// <summary>Calls that skipped Redis because the gate was shut.</summary>
    public long Skips => Interlocked.Read(ref skips);

    /// <summary>Background trials started.</summary>
    public long Probes => Interlocked.Read(ref probes);

    /// <summary>Whether Redis is being skipped now (shut, or waiting for its trial).</summary>
    public bool IsShut => Volatile.Read(ref shutUntil) != 0;

    /// <summary>Whether a call may go to Redis now. A shut gate whose pause is over starts the one background trial.</summary>
    public bool TryEnter()
    {
        var until = Volatile.Read(ref shutUntil);
        if (until == 0)
        {
            return true;
        }

        Interlocked.Increment(ref skips);
        if (Environment.TickCount64 >= until && Interlocked.CompareExchange(ref probing, 1, 0) == 0)
        {
            // Not awaited: the caller goes on to the database; the trial's outcome moves the gate.
            _ = ProbeAsync();
        }

        return false;
    }

    /// <summary>Redis answered: trust it again.</summary>
    public void Succeeded() => Volatile.Write(ref shutUntil, 0);

    /// <summary>A call of a request failed: shut the gate for everyone.</summary>
    public void Failed(bool timedOut)
    {
        Interlocked.Increment(ref failures);
        if (timedOut)
        {
            Interlocked.Increment(ref timeouts);
        }

        Shut();
    }

    // Never 0, which means "open".
    private void Shut() => Volatile.Write(ref shutUntil, Math.Max(1, Environment.TickCount64 + (long)breakDuration.TotalMilliseconds));

    private async Task ProbeAsync()
    {
        Interlocked.Increment(ref probes);
        try
        {
            if (await probe().ConfigureAwait(false))
            {
                Succeeded();
            }
            else
            {
                Shut();
            }
        }
#pragma warning disable CA1031 // A trial that throws is a failed trial; nobody awaits it to see the exception.
        catch (Exception)
#pragma warning restore CA1031
        {
            Shut();
        }
        finally
        {
            Volatile.Write(ref probing, 0);
        }
    }
}

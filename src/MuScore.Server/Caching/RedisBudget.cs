using System.Diagnostics;

namespace MuScore.Server.Caching;

/// <summary>
/// The Redis time one request may spend, all its calls together: one command timeout. A request
/// reads a pointer, then ratings (and may read the last known pointer): each call waits at most
/// what is left, and once it is spent the request skips Redis. Calls of one request run one after
/// another, so no synchronisation is needed.
/// </summary>
internal sealed class RedisBudget(TimeSpan total)
{
    private long remaining = (long)(total.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Whether nothing is left: the request reads the database without asking Redis.</summary>
    public bool Spent => remaining <= 0;

    /// <summary>Whether no call has taken anything yet (then Polly's own timeout is the whole bound).</summary>
    public bool Untouched { get; private set; } = true;

    /// <summary>The time left (zero once spent).</summary>
    public TimeSpan Remaining => remaining <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency);

    /// <summary>Charges the time since <paramref name="startedTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void Spend(long startedTimestamp)
    {
        Untouched = false;
        remaining -= Stopwatch.GetTimestamp() - startedTimestamp;
    }
}

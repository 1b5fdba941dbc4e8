namespace MuScore.TestSupport.Server;

/// <summary>
/// The system clock moved by an offset a test sets, for a server that must live through days
/// (a notice of five working days) within one test (<see cref="ServerSettings.Services"/>
/// registers it as the server's TimeProvider). Time still runs; only the date moves.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    /// <summary>How far the clock is moved from the system's.</summary>
    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
        set => Interlocked.Exchange(ref offsetTicks, value.Ticks);
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

using Polly.Telemetry;

namespace MuScore.Server.Telemetry;

/// <summary>
/// Follows the Redis circuit breaker through Polly's telemetry events (registered in
/// <see cref="TelemetryOptions.TelemetryListeners"/>), so the breaker's own options stay untouched:
/// 0 closed, 1 open or half-open (still refusing all but a probe).
/// </summary>
internal sealed class RedisBreakerState : TelemetryListener
{
    private int state;

    public int Current => Volatile.Read(ref state);

    public override void Write<TResult, TArgs>(in TelemetryEventArguments<TResult, TArgs> args)
    {
        // Every Polly event passes here; the breaker's three are told apart by name, without allocating.
        switch (args.Event.EventName)
        {
            case "OnCircuitOpened":
            case "OnCircuitHalfOpened":
                Volatile.Write(ref state, 1);
                break;
            case "OnCircuitClosed":
                Volatile.Write(ref state, 0);
                break;
        }
    }
}

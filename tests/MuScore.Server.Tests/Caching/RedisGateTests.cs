using MuScore.Server.Caching;

namespace MuScore.Server.Tests.Caching;

/// <summary>The fast-fail gate alone: who may call Redis after a failure, and what it counts.</summary>
public sealed class RedisGateTests
{
    [Fact]
    public void TryEnter_AfterOneFailure_EveryCallerSkipsRedisUntilSuccess()
    {
        var gate = new RedisGate(TimeSpan.FromMinutes(1));
        Assert.True(gate.TryEnter(out var probe));
        Assert.False(probe);

        gate.Failed(timedOut: true);

        Assert.False(gate.TryEnter(out _));
        Assert.False(gate.TryEnter(out _));
        Assert.Equal(1, gate.Failures);
        Assert.Equal(1, gate.Timeouts);
    }

    [Fact]
    public async Task TryEnter_AfterTheBreak_ExactlyOneCallerProbes()
    {
        var gate = new RedisGate(TimeSpan.FromMilliseconds(1));
        gate.Failed(timedOut: false);
        await Task.Delay(50);

        Assert.True(gate.TryEnter(out var first));
        Assert.True(first);
        Assert.False(gate.TryEnter(out _));

        // A failed probe shuts the gate again; a successful one opens it for all.
        gate.Failed(timedOut: false);
        gate.EndProbe(first);
        await Task.Delay(50);
        Assert.True(gate.TryEnter(out var second));
        Assert.True(second);
        gate.Succeeded();
        gate.EndProbe(second);

        Assert.True(gate.TryEnter(out var after));
        Assert.False(after);
        Assert.Equal(2, gate.Failures);
        Assert.Equal(0, gate.Timeouts);
    }

    [Fact]
    public async Task EndProbe_CallerGaveUp_AnotherCallerMayProbe()
    {
        var gate = new RedisGate(TimeSpan.FromMilliseconds(1));
        gate.Failed(timedOut: true);
        await Task.Delay(50);
        Assert.True(gate.TryEnter(out var abandoned));

        gate.EndProbe(abandoned);

        Assert.True(gate.TryEnter(out var next));
        Assert.True(next);
    }
}

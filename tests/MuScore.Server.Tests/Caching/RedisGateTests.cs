using MuScore.Server.Caching;
using MuScore.Server.Tests.Caching.Support;

namespace MuScore.Server.Tests.Caching;

/// <summary>The fast-fail gate alone: who may call Redis after a failure, when it tries again, what it counts.</summary>
public sealed class RedisGateTests
{
    [Fact]
    public void TryEnter_AfterOneFailure_EveryCallerSkipsRedisAndNoTrialRunsDuringThePause()
    {
        var trials = 0;
        var gate = new RedisGate(TimeSpan.FromMinutes(1), () =>
        {
            Interlocked.Increment(ref trials);
            return ValueTask.FromResult(true);
        });
        Assert.True(gate.TryEnter());

        gate.Failed(timedOut: true);

        Assert.False(gate.TryEnter());
        Assert.False(gate.TryEnter());
        Assert.Equal(1, gate.Failures);
        Assert.Equal(1, gate.Timeouts);
        Assert.Equal(2, gate.Skips);
        Assert.Equal(0, trials);
        Assert.Equal(0, gate.Probes);
    }

    [Fact]
    public async Task TryEnter_AfterThePause_OneBackgroundTrialWhileCallersKeepSkipping_ItsSuccessOpensTheGate()
    {
        var trial = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new RedisGate(TimeSpan.FromMilliseconds(1), () => new ValueTask<bool>(trial.Task));
        gate.Failed(timedOut: false);
        await Task.Delay(50);

        // The caller that finds the pause over starts the trial but does not wait for it, nor do the next ones.
        Assert.False(gate.TryEnter());
        Assert.False(gate.TryEnter());
        Assert.False(gate.TryEnter());
        Assert.Equal(1, gate.Probes);

        trial.SetResult(true);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(gate.TryEnter()), TimeSpan.FromSeconds(10)), "a successful trial did not open the gate");
        Assert.Equal(1, gate.Failures);
    }

    [Fact]
    public async Task TryEnter_FailedTrial_ShutsTheGateAgainAndALaterCallerTriesAgain()
    {
        var trials = 0;
        var gate = new RedisGate(TimeSpan.FromMilliseconds(1), () =>
        {
            Interlocked.Increment(ref trials);
            return ValueTask.FromResult(false);
        });
        gate.Failed(timedOut: true);
        await Task.Delay(50);

        Assert.False(gate.TryEnter());
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref trials) == 1 && gate.Probes == 1), TimeSpan.FromSeconds(10)));

        // Shut again after the failed trial; once that pause is over the next caller starts another.
        await Task.Delay(50);
        Assert.False(gate.TryEnter());
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref trials) == 2), TimeSpan.FromSeconds(10)), "no second trial");
        Assert.False(gate.TryEnter());

        // Trials are not calls of requests: only the first failure is counted.
        Assert.Equal(1, gate.Failures);
    }

    [Fact]
    public async Task TryEnter_TrialThrows_GateStaysShutAndAnotherTrialMayRun()
    {
        var trials = 0;
        var gate = new RedisGate(TimeSpan.FromMilliseconds(1), () =>
        {
            Interlocked.Increment(ref trials);
            throw new InvalidOperationException("trial failed");
        });
        gate.Failed(timedOut: false);
        await Task.Delay(50);

        Assert.False(gate.TryEnter());
        await Task.Delay(50);
        Assert.False(gate.TryEnter());

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref trials) == 2), TimeSpan.FromSeconds(10)), "a throwing trial blocked the next one");
    }
}

using MuScore.Server.Caching;
using StackExchange.Redis;

namespace MuScore.Server.Tests.Caching;

/// <summary>The coalescer behind single-rating Redis reads (the fetch is a plain delegate, not Redis).</summary>
public sealed class RatingGetCoalescerTests
{
    [Fact]
    public async Task GetAsync_ConcurrentReads_ShareOneFetchAndEachGetsItsOwnValue()
    {
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new List<int>();
        await using var coalescer = new RatingGetCoalescer(async keys =>
        {
            lock (batches)
            {
                batches.Add(keys.Length);
            }

            firstStarted.TrySetResult();
            await release.Task;
            return keys.Select(k => (RedisValue)("v:" + k.ToString())).ToArray();
        });

        // The first read occupies the loop; the next 99 queue up behind it and go as one batch.
        var first = coalescer.GetAsync("k0");
        await firstStarted.Task;
        var rest = Enumerable.Range(1, 99).Select(i => coalescer.GetAsync($"k{i}")).ToArray();
        release.SetResult();
        var values = await Task.WhenAll([first, .. rest]);

        Assert.Equal([1, 99], batches);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"v:k{i}"), values.Select(v => v.ToString()));
    }

    [Fact]
    public async Task GetAsync_FetchFailsOrIsNotAnswered_EveryWaiterGetsNull()
    {
        var calls = 0;
        await using var coalescer = new RatingGetCoalescer(_ =>
            Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("redis down")
                : ValueTask.FromResult<RedisValue[]?>(null));

        Assert.Null(await coalescer.GetAsync("a"));
        Assert.Null(await coalescer.GetAsync("b"));
        Assert.Equal(2, calls);
    }
}

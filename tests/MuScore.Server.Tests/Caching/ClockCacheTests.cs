using MuScore.Server.Caching;
using MuScore.Server.Tests.Caching.Support;

namespace MuScore.Server.Tests.Caching;

public sealed class ClockCacheTests
{
    private readonly ManualTime time = new();

    [Fact]
    public void Set_BeyondCapacity_KeepsAtMostCapacityEntries()
    {
        var cache = new ClockCache<int, string>(100, TimeSpan.FromMinutes(1), time);

        for (var i = 0; i < 1_000; i++)
        {
            cache.Set(i, "v");
        }

        Assert.Equal(100, cache.Count);
        Assert.True(cache.TryGet(999, out _));
    }

    [Fact]
    public void Set_WhenFull_EvictsAnEntryNotReadSinceTheLastSweep()
    {
        var cache = new ClockCache<int, string>(3, TimeSpan.FromMinutes(1), time);
        cache.Set(1, "one");
        cache.Set(2, "two");
        cache.Set(3, "three");

        // First sweep: every bit is set by the reads below except 2's.
        Assert.True(cache.TryGet(1, out _));
        Assert.True(cache.TryGet(3, out _));
        cache.Set(4, "four");

        Assert.False(cache.TryGet(2, out _));
        Assert.True(cache.TryGet(1, out var one));
        Assert.Equal("one", one);
        Assert.True(cache.TryGet(3, out _));
        Assert.True(cache.TryGet(4, out _));
    }

    [Fact]
    public void TryGet_AfterTtl_Misses()
    {
        var cache = new ClockCache<string, string>(10, TimeSpan.FromSeconds(5), time);
        cache.Set("k", "v");

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.True(cache.TryGet("k", out _));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(cache.TryGet("k", out _));
    }

    [Fact]
    public void Set_ExpiredKeyAgain_ServesTheNewValue()
    {
        var cache = new ClockCache<string, string>(10, TimeSpan.FromSeconds(5), time);
        cache.Set("k", "old");
        time.Advance(TimeSpan.FromSeconds(6));

        cache.Set("k", "new");

        Assert.True(cache.TryGet("k", out var value));
        Assert.Equal("new", value);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Set_ZeroCapacity_KeepsNothing()
    {
        var cache = new ClockCache<int, string>(0, TimeSpan.FromMinutes(1), time);

        cache.Set(1, "one");

        Assert.False(cache.TryGet(1, out _));
    }

    [Fact]
    public async Task Set_ConcurrentWriters_StayWithinCapacityAndServeWhatTheyHold()
    {
        var cache = new ClockCache<int, int>(64, TimeSpan.FromMinutes(1), time);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                var key = (worker * 10_000) + i;
                cache.Set(key, key * 2);
                if (cache.TryGet(key - 1, out var value))
                {
                    Assert.Equal((key - 1) * 2, value);
                }
            }
        })));

        Assert.InRange(cache.Count, 1, 64);
    }
}

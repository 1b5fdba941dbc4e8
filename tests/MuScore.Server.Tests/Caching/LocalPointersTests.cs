using MuScore.Server.Caching;
using MuScore.Server.Tests.Caching.Support;

namespace MuScore.Server.Tests.Caching;

public sealed class LocalPointersTests
{
    private static readonly PointerKey Key = new("330106", 2024);

    private readonly ManualTime time = new();
    private readonly LocalPointers pointers;

    public LocalPointersTests() => pointers = new LocalPointers(time, new InvalidationOptions
    {
        PointerTtl = TimeSpan.FromSeconds(10),
        PointerTtlWithoutSubscription = TimeSpan.FromSeconds(1),
    });

    [Fact]
    public void TrySet_AfterAnInvalidationSinceTheRead_IsRefused()
    {
        var observed = pointers.Generation;
        pointers.Invalidate("330106");

        Assert.False(pointers.TrySet(Key, new PublicationPointer(2024, 1), observed));
        Assert.False(pointers.TryGet(Key, out _));
    }

    [Fact]
    public void Invalidate_Region_DropsEveryYearAndLatestOfThatRegionOnly()
    {
        var other = new PointerKey("330107", 2024);
        pointers.TrySet(Key, new PublicationPointer(2024, 1), pointers.Generation);
        pointers.TrySet(new PointerKey("330106", 0), new PublicationPointer(2024, 1), pointers.Generation);
        pointers.TrySet(other, new PublicationPointer(2024, 3), pointers.Generation);

        pointers.Invalidate("330106");

        Assert.False(pointers.TryGet(Key, out _));
        Assert.False(pointers.TryGet(new PointerKey("330106", 0), out _));
        Assert.True(pointers.TryGet(other, out var kept));
        Assert.Equal(new PublicationPointer(2024, 3), kept);
    }

    [Fact]
    public void TryGet_NotSubscribed_ExpiresAfterTheShortTtl()
    {
        pointers.TrySet(Key, new PublicationPointer(2024, 1), pointers.Generation);

        time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.True(pointers.TryGet(Key, out _));
        time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.False(pointers.TryGet(Key, out _));
    }

    [Fact]
    public void TryGet_Subscribed_LivesTheLongTtl()
    {
        pointers.SetSubscribed(true);
        pointers.TrySet(Key, new PublicationPointer(2024, 1), pointers.Generation);

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.True(pointers.TryGet(Key, out _));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(pointers.TryGet(Key, out _));
    }

    [Fact]
    public void SetSubscribed_LosingTheSubscription_ShortensEntriesAlreadyHeld()
    {
        pointers.SetSubscribed(true);
        pointers.TrySet(Key, new PublicationPointer(2024, 1), pointers.Generation);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(pointers.TryGet(Key, out _));

        pointers.SetSubscribed(false);

        Assert.False(pointers.TryGet(Key, out _));
    }

    [Fact]
    public void SetSubscribed_RegainingTheSubscription_DropsEverything()
    {
        pointers.TrySet(Key, new PublicationPointer(2024, 1), pointers.Generation);

        pointers.SetSubscribed(true);

        Assert.False(pointers.TryGet(Key, out _));
    }

    [Fact]
    public void TryGetLastKnown_AfterExpiryAndInvalidation_KeepsTheNewestPointerStored()
    {
        pointers.TrySet(Key, new PublicationPointer(2024, 2), pointers.Generation);
        pointers.TrySet(Key, new PublicationPointer(2024, 1), pointers.Generation);
        time.Advance(TimeSpan.FromHours(2));
        pointers.Invalidate("330106");
        pointers.SetSubscribed(true);

        Assert.False(pointers.TryGet(Key, out _));
        Assert.True(pointers.TryGetLastKnown(Key, out var known));
        Assert.Equal(new PublicationPointer(2024, 2), known);
    }

    [Fact]
    public void TrySetUnconfirmed_LivesOneLifetimeMarkedUnconfirmed()
    {
        pointers.TrySetUnconfirmed(Key, new PublicationPointer(2024, 1), pointers.Generation);

        Assert.True(pointers.TryGet(Key, out var pointer, out var confirmed));
        Assert.Equal(new PublicationPointer(2024, 1), pointer);
        Assert.False(confirmed);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(pointers.TryGet(Key, out _, out _));

        pointers.TrySet(Key, new PublicationPointer(2024, 1), pointers.Generation);
        Assert.True(pointers.TryGet(Key, out _, out confirmed));
        Assert.True(confirmed);
    }
}

using System.ComponentModel.DataAnnotations;
using MuScore.Server.Caching;
using MuScore.Server.Options;
using StackExchange.Redis;

namespace MuScore.Server.Tests.Caching;

/// <summary>The key format's cluster hash tags: keys read together must land in one slot.</summary>
public sealed class RedisKeysTests
{
    private readonly RedisKeys keys = new("muscore:v2:");

    [Fact]
    public void Rating_KeysOfOnePublication_ShareTheRegionYearVersionTag()
    {
        var a = keys.Rating(new RatingKey("331082", 2025, 3, "913310820000000001"));
        var b = keys.Rating(new RatingKey("331082", 2025, 3, "913310820000000002"));
        var otherVersion = keys.Rating(new RatingKey("331082", 2025, 4, "913310820000000001"));

        Assert.Equal("muscore:v2:rating:{331082:2025:3}:913310820000000001", a.ToString());
        Assert.Equal("331082:2025:3", HashTag(a));
        Assert.Equal(HashTag(a), HashTag(b));
        Assert.NotEqual(HashTag(a), HashTag(otherVersion));
    }

    [Theory]
    [InlineData(2025, "331082:2025")]
    [InlineData(0, "331082:latest")]
    public void Pointer_BothCopies_ShareOneTag(int year, string tag)
    {
        var key = new PointerKey("331082", year);

        Assert.Equal(tag, HashTag(keys.Pointer(key)));
        Assert.Equal(tag, HashTag(keys.LastPointer(key)));
        Assert.NotEqual(keys.Pointer(key), keys.LastPointer(key));
    }

    [Theory]
    [InlineData("muscore:v2:", true)]
    [InlineData("muscore:{v2}:", false)]
    [InlineData("muscore:v2}", false)]
    public void KeyPrefix_WithBraces_IsRejected(string prefix, bool valid)
    {
        var options = new RedisOptions { KeyPrefix = prefix };

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }

    [Fact]
    public void Group_KeysOfSeveralSlots_SplitsThemKeepingEachGroupInKeyOrder()
    {
        RedisKey[] batch = ["a1", "b1", "a2", "c1", "b2", "a3"];

        var groups = SlotGroupedGet.Group(batch, key => ((string)key!)[0]);

        Assert.Equal([[0, 2, 5], [1, 4], [3]], groups);
    }

    [Fact]
    public void Group_OneSlot_IsOneGroup()
    {
        RedisKey[] batch = ["a", "b", "c"];

        Assert.Equal([[0, 1, 2]], SlotGroupedGet.Group(batch, _ => -1));
        Assert.Empty(SlotGroupedGet.Group([], _ => -1));
    }

    // Redis Cluster's rule: the part between the first '{' and the next '}', when not empty.
    private static string? HashTag(RedisKey key)
    {
        var text = (string)key!;
        var open = text.IndexOf('{', StringComparison.Ordinal);
        var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
        return close > open + 1 ? text[(open + 1)..close] : null;
    }
}

using MuScore.Server.Diagnostics;

namespace MuScore.Server.Tests.Diagnostics;

public sealed class LogValuesTests
{
    [Fact]
    public void Cut_OneMegabyte_First200CharactersAndHowManyWereLeftOut()
    {
        var value = new string('x', 1 << 20);

        var cut = LogValues.Cut(value);

        Assert.Equal(string.Concat(new string('x', 200), $"… ({(1 << 20) - 200} more characters)"), cut);
    }

    [Theory]
    [InlineData("")]
    [InlineData("331082")]
    public void Cut_Short_Unchanged(string value) => Assert.Equal(value, LogValues.Cut(value));

    [Fact]
    public void Cut_Exactly200_Unchanged()
    {
        var value = new string('y', LogValues.MaxLength);
        Assert.Same(value, LogValues.Cut(value));
    }

    [Fact]
    public void Cut_SurrogatePairAtTheCut_NotSplit()
    {
        var value = new string('z', 199) + "\U0001F600" + "tail";

        var cut = LogValues.Cut(value);

        Assert.StartsWith(new string('z', 199) + "…", cut, StringComparison.Ordinal);
    }
}

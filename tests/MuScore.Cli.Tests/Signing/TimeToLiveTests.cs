using MuScore.Cli.Signing;

namespace MuScore.Cli.Tests.Signing;

public sealed class TimeToLiveTests
{
    [Theory]
    [InlineData("30d", 30 * 86_400)]
    [InlineData("12h", 12 * 3_600)]
    [InlineData("15m", 15 * 60)]
    [InlineData("3600s", 3_600)]
    [InlineData("1s", 1)]
    [InlineData("400d", 400 * 86_400)]
    [InlineData("9600h", 400 * 86_400)]
    [InlineData("34560000s", 400 * 86_400)]
    public void Parse_DurationWithUnit_IsThatManySeconds(string text, long seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), TimeToLive.Parse(text));

    [Theory]
    [InlineData("401d")]
    [InlineData("9601h")]
    [InlineData("34560001s")]
    [InlineData("99999999999999999999d")]
    [InlineData("0d")]
    [InlineData("0s")]
    [InlineData("-5m")]
    [InlineData("30")]
    [InlineData("d")]
    [InlineData("30D")]
    [InlineData("1.5h")]
    [InlineData(" 30d")]
    [InlineData("")]
    public void Parse_ZeroTooLongOrMalformed_IsAUsageError(string text)
    {
        var failure = Assert.Throws<CommandFailure>(() => TimeToLive.Parse(text));

        Assert.Equal(2, failure.ExitCode);
        Assert.StartsWith($"--ttl '{text}' ", failure.Message, StringComparison.Ordinal);
    }
}

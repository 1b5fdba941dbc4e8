namespace MuScore.Cli.Tests.Commands;

public sealed class HelpTests
{
    [Fact]
    public void Help_NoCommand_ListsEveryCommand()
    {
        var run = CliRun.Of("--help").Expect(0);

        Assert.Contains("rate ", run.Out, StringComparison.Ordinal);
        Assert.Contains("schemes ", run.Out, StringComparison.Ordinal);
        Assert.Contains("sample ", run.Out, StringComparison.Ordinal);
        Assert.Contains("keys      make a key pair for signing access tokens (keys new)\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("token     sign an access token (JWT) for a MuScore server (token issue)\n", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rate", "--history FILE...")]
    [InlineData("sample", "--bad-rate R")]
    [InlineData("schemes", "show NAME|FILE")]
    [InlineData("keys", "--alg es256|rs256")]
    [InlineData("token", "--regions PREFIX,...")]
    [InlineData("token", "(env MUSCORE_AUDIENCE)")]
    public void Help_ForACommand_ShowsItsOptions(string command, string expected)
    {
        var run = CliRun.Of(command, "--help").Expect(0);

        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoArguments_ExitsTwoWithUsage()
    {
        var run = CliRun.Of().Expect(2);

        Assert.Contains("usage: muscore <command>", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownCommand_ExitsTwoNamingIt()
    {
        var run = CliRun.Of("grade").Expect(2);

        Assert.Contains("unknown command 'grade'", run.Error, StringComparison.Ordinal);
    }
}

namespace MuScore.Cli.Tests.Publishing;

public sealed class PublishHelpTests
{
    [Fact]
    public void Help_NoCommand_ListsPublishAndServe()
    {
        var run = CliRun.Of("--help").Expect(0);

        Assert.Contains("publish   upload a table", run.Out, StringComparison.Ordinal);
        Assert.Contains("serve     run the MuScore gRPC server", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("publish", "--no-publish")]
    [InlineData("publish", "4 the server could\nnot be reached")]
    [InlineData("serve", "--connection-string TEXT")]
    public void Help_ForACommand_ShowsItsOptionsAndExitCodes(string command, string expected)
    {
        var run = CliRun.Of(command, "--help").Expect(0);

        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
    }
}

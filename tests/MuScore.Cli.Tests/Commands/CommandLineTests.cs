namespace MuScore.Cli.Tests.Commands;

/// <summary>What System.CommandLine brings: help on every verb, typo suggestions, --version, tab completion.</summary>
public sealed class CommandLineTests
{
    public static TheoryData<string> Verbs { get; } =
        ["rate", "schemes", "sample", "publish", "lists", "summary", "get", "quote", "land-check", "subsidy", "serve", "publish-run", "keys", "token", "audit", "completion"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Help_EveryVerb_PrintsItsUsageAndExitsZero(string verb)
    {
        var run = CliRun.Of(verb, "--help").Expect(0);
        var shortForm = CliRun.Of(verb, "-h").Expect(0);

        Assert.StartsWith($"usage: muscore {verb}", run.Out, StringComparison.Ordinal);
        Assert.Equal(run.Out, shortForm.Out);
        Assert.Contains($"  {verb}", CliRun.Of("--help").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void MistypedOption_SuggestsTheRealOne()
    {
        var run = CliRun.Of("quote", "91331082XLT3KJF68X", "--server", "http://127.0.0.1:1", "--regoin", "331082").Expect(2);

        Assert.StartsWith("muscore quote: unknown option '--regoin'\n", run.Error, StringComparison.Ordinal);
        Assert.Contains("'--regoin': did you mean --region?", run.Error, StringComparison.Ordinal);
        Assert.Contains("usage: muscore quote CODE", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MistypedVerb_SuggestsTheRealOne()
    {
        var run = CliRun.Of("pubilsh").Expect(2);

        Assert.StartsWith("muscore: unknown command 'pubilsh'\n", run.Error, StringComparison.Ordinal);
        Assert.Contains("'pubilsh': did you mean publish", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionWithoutItsValue_SaysWhichValue()
    {
        var run = CliRun.Of("get", "91331082XLT3KJF68X", "--server", "http://127.0.0.1:1", "--region").Expect(2);

        Assert.StartsWith("muscore get: --region needs a value (CODE)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_PrintsTheInformationalVersion()
    {
        var run = CliRun.Of("--version").Expect(0);

        Assert.Matches(@"^\d+\.\d+\.\d+(\+[0-9a-f]{7,40})?\n$", run.Out.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("muscore pub", "publish\npublish-run\n")]
    [InlineData("muscore quote X --utility ", "electricity\ngas\nwater\n")]
    [InlineData("muscore rate --enco", "--encoding\n")]
    [InlineData("muscore audit ", "list\n")]
    public void SuggestDirective_CompletesVerbsOptionsAndValues(string line, string expected)
    {
        var run = CliRun.Of($"[suggest:{line.Length}]", line).Expect(0);

        Assert.Contains(expected, run.Out.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _muscore_complete muscore")]
    [InlineData("zsh", "compdef _muscore_complete muscore")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName muscore")]
    public void Completion_PrintsTheShellsScriptUsingTheSuggestDirective(string shell, string expected)
    {
        var run = CliRun.Of("completion", shell).Expect(0);

        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        Assert.Contains("[suggest:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_UnknownShell_ExitsTwo()
    {
        var run = CliRun.Of("completion", "fish").Expect(2);

        Assert.StartsWith("muscore completion: unknown shell 'fish' (expected bash, zsh, pwsh)", run.Error, StringComparison.Ordinal);
    }
}

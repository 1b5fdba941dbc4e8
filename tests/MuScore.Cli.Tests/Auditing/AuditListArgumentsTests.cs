namespace MuScore.Cli.Tests.Auditing;

/// <summary>"muscore audit list" refuses a bad command line with exit code 2 and usage, before any call.</summary>
public sealed class AuditListArgumentsTests
{
    private const string Server = "https://127.0.0.1:1";

    [Theory]
    [InlineData("missing --server URL", "audit", "list")]
    [InlineData("--since 'yesterday' is not a time", "audit", "list", "--server", Server, "--since", "yesterday")]
    [InlineData("--since '03/01/2025' is not a time", "audit", "list", "--server", Server, "--since", "03/01/2025")]
    [InlineData("--until '2025-03-01' must be after --since '2025-03-02'", "audit", "list", "--server", Server, "--since", "2025-03-02", "--until", "2025-03-01")]
    [InlineData("--region '3' is not a region prefix", "audit", "list", "--server", Server, "--region", "3")]
    [InlineData("--region '3310a1' is not a region prefix", "audit", "list", "--server", Server, "--region", "3310a1")]
    [InlineData("--kind 'run.deleted' is not one of", "audit", "list", "--server", Server, "--kind", "run.submitted", "run.deleted")]
    [InlineData("--limit '0' is not a whole number from 1 to 100000", "audit", "list", "--server", Server, "--limit", "0")]
    [InlineData("--limit '100001' is not a whole number", "audit", "list", "--server", Server, "--limit", "100001")]
    [InlineData("--after '-1' is not a whole number", "audit", "list", "--server", Server, "--after=-1")]
    [InlineData("--format 'xml' is not text or jsonl", "audit", "list", "--server", Server, "--format", "xml")]
    [InlineData("--detail is for --format text", "audit", "list", "--server", Server, "--format", "jsonl", "--detail")]
    [InlineData("--caller needs a caller id", "audit", "list", "--server", Server, "--caller=")]
    [InlineData("--store does not apply to audit list", "audit", "list", "--server", Server, "--store", "sqlite")]
    [InlineData("--server does not apply to audit verify", "audit", "verify", "--store", "sqlite", "--connection-string", "Data Source=x.db", "--server", Server)]
    [InlineData("--server 'ftp://x' is not an http:// or https:// URL", "audit", "list", "--server", "ftp://x")]
    public void Audit_BadListArguments_ExitTwoWithTheProblemAndUsage(string problem, params string[] args)
    {
        var run = CliRun.Of(args).Expect(2);

        Assert.StartsWith("muscore audit: " + problem, run.Error, StringComparison.Ordinal);
        Assert.Contains("usage: muscore audit verify", run.Error, StringComparison.Ordinal);
        Assert.Contains("muscore audit list --server URL", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void Audit_Help_ShowsBothActionsTheirOptionsAndExitCodes()
    {
        var run = CliRun.Of("audit", "--help").Expect(0);

        Assert.Contains("usage: muscore audit verify --store sqlite|postgres --connection-string TEXT\n       muscore audit list --server URL", run.Out, StringComparison.Ordinal);
        Assert.Contains("--kind KIND...", run.Out, StringComparison.Ordinal);
        Assert.Contains("--format text|jsonl", run.Out, StringComparison.Ordinal);
        Assert.Contains("PERMISSION_DENIED: the token lacks audit:read", run.Out, StringComparison.Ordinal);
        Assert.Contains("(env MUSCORE_TOKEN)", run.Out, StringComparison.Ordinal);
    }
}

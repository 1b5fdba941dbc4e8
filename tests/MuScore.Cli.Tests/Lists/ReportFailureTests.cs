using System.Text;
using MuScore.Cli.Tests.Publishing;
using MuScore.TestSupport.Server;

namespace MuScore.Cli.Tests.Lists;

/// <summary>How "muscore lists" and "muscore summary" fail: exit 4 with the server's reason, exit 2 for bad arguments, never a partial file.</summary>
public sealed class ReportFailureTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Theory]
    [InlineData("lists", "ListLowEfficiency")]
    [InlineData("summary", "SummarizeRegion")]
    public async Task Report_NothingPublishedForTheYear_ExitsFourSayingSoAndWritesNothing(string command, string rpc)
    {
        await using var server = await ServerInstance.StartAsync();
        var file = temp.File("out.csv");

        var run = (await Reports.RunAsync(command, server.Address, 2023, file)).Expect(4);

        Assert.StartsWith($"muscore {command}: the server at {server.Address.GetLeftPart(UriPartial.Authority)} answered {rpc} with NOT_FOUND:", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  reason: NOTHING_PUBLISHED (region 331082, year 2023)\n", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  publish the year's run first (muscore publish), or check --region and --year\n", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Theory]
    [InlineData("lists")]
    [InlineData("summary")]
    public async Task Report_YearWithoutListRulesInForce_ExitsFourWithNoPolicyInForce(string command)
    {
        // linhai-2022 is in force until 2023-12-31: nothing sets lists or targets for 2024.
        await using var server = await ServerInstance.StartAsync();
        await LinhaiServer.PublishAsync(server, 2024, LinhaiFirms.Year2023);

        var run = (await Reports.RunAsync(command, server.Address, 2024, temp.File("out.csv"))).Expect(4);

        Assert.Contains(" with NOT_FOUND:", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  reason: NO_POLICY_IN_FORCE (region 331082, year 2024)\n", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  the lists and targets need a policy's list rules in force on 2024-12-31 for region 331082 (docs/policies.md)\n", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task Lists_NobodyAtOrUnderTheLimits_WritesTheHeaderRowOnly()
    {
        await using var server = await ServerInstance.StartAsync();
        await LinhaiServer.PublishAsync(server, 2023, [.. LinhaiFirms.Year2023.Where(r => r.CreditCode == LinhaiFirms.Code(8) || r.CreditCode == LinhaiFirms.Code(10))]);
        var file = temp.File("lists.csv");

        var run = (await Reports.RunAsync("lists", server.Address, 2023, file)).Expect(0);

        const string Header = "list,credit_code,name,revenue_wan,tax_wan,land_mu,tax_per_mu_wan,previous_tax_per_mu_wan,reason,"
            + "region,year,version,run_id,previous_version,previous_run_id,policy_id,policy_version,policy_hash,citation\n";
        byte[] expected = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Header)];
        Assert.Equal(expected, await File.ReadAllBytesAsync(file));
        Assert.Contains("lists      LARGE_LOW_TAX 0, LOW_TAX 0\n", run.Out, StringComparison.Ordinal);
        Assert.Contains($"written    {file} (0 rows)\n", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lists")]
    [InlineData("summary")]
    public async Task Report_UnreachableServer_ExitsFourWithOneLine(string command)
    {
        var nowhere = Publisher.Nowhere();

        var run = (await Reports.RunAsync(command, nowhere, 2023, temp.File("out.csv"))).Expect(4);

        Assert.StartsWith($"muscore {command}: cannot reach the server at {nowhere.GetLeftPart(UriPartial.Authority)}: UNAVAILABLE", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Theory]
    [InlineData("lists", "--server", "127.0.0.1:5080", "--server '127.0.0.1:5080' is not an http:// or https:// URL")]
    [InlineData("lists", "--region", "33108", "--region '33108' is not a 6-digit region code")]
    [InlineData("lists", "--year", "2101", "--year '2101' is not a whole number from 1990 to 2100")]
    [InlineData("lists", "--format", "json", "--format 'json' is not csv or xlsx")]
    [InlineData("summary", "--year", "twenty", "--year 'twenty' is not a whole number from 1990 to 2100")]
    [InlineData("summary", "--region", "all", "--region 'all' is not a 6-digit region code")]
    public void Report_BadArgument_ExitsTwoWithUsage(string command, string option, string value, string message)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--server"] = Publisher.Nowhere().ToString(),
            ["--region"] = "331082",
            ["--year"] = "2023",
            ["--out"] = temp.File("out.csv"),
        };
        args[option] = value;

        var run = CliRun.Of([command, .. args.SelectMany(a => new[] { a.Key, a.Value })]).Expect(2);

        Assert.StartsWith($"muscore {command}: {message}", run.Error, StringComparison.Ordinal);
        Assert.Contains($"usage: muscore {command} --server URL --region CODE --year YYYY --out FILE", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Theory]
    [InlineData("lists")]
    [InlineData("summary")]
    public void Report_MissingOut_ExitsTwoNamingIt(string command)
    {
        var run = CliRun.Of(command, "--server", "http://127.0.0.1:5080", "--region", "331082", "--year", "2023").Expect(2);

        Assert.StartsWith($"muscore {command}: missing --out FILE", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_NoCommand_ListsListsAndSummary()
    {
        var run = CliRun.Of("--help").Expect(0);

        Assert.Contains("lists     fetch a published year's low-efficiency lists", run.Out, StringComparison.Ordinal);
        Assert.Contains("summary   fetch a published year's region summary", run.Out, StringComparison.Ordinal);
    }
}

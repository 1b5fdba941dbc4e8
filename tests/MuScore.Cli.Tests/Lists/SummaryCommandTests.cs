using MuScore.Core.Policies;

namespace MuScore.Cli.Tests.Lists;

/// <summary>"muscore summary" against the real server with Linhai's 2023 publication: 规上 aggregates against 附件 二's targets.</summary>
public sealed class SummaryCommandTests(LinhaiServer linhai) : IClassFixture<LinhaiServer>, IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Summary_Year2023_OneRowPerIndicatorWithAggregatesAndTargets()
    {
        var file = temp.File("summary.csv");

        (await Reports.RunAsync("summary", linhai.Server.Address, 2023, file)).Expect(0);

        var csv = CsvFile.Read(file);
        string[] columns = ["indicator", "unit", "numerator", "denominator", "enterprises", "value", "target", "met", "margin"];
        string[][] expected =
        [
            // 10 规上: the below-scale firm is left out. 1965.02 / 103 = 19.07786… does not exceed 20.3.
            ["tax_per_mu", "万元/亩", "1965.02", "103", "10", "19.0779", "20.3", "false", "-1.2221"],

            // 9 report value added (one left it blank): 10290 / 93 = 110.64516…
            ["va_per_mu", "万元/亩", "10290", "93", "9", "110.6452", "101.4", "true", "9.2452"],

            // 8 规上 manufacturers with value added (the mining firm, division 06, is left out): 9690 / 269 = 36.02230…
            ["labour_productivity", "万元/人", "9690", "269", "8", "36.0223", "24.23", "true", "11.7923"],
        ];
        Assert.Equal(expected, csv.Rows.Select(r => columns.Select(c => r[csv.Column(c)]).ToArray()));
        Assert.All(csv.Values("reason"), reason => Assert.NotEmpty(reason));
    }

    [Fact]
    public async Task Summary_Year2023_EveryRowNamesItsPublicationAndPolicy()
    {
        var file = temp.File("summary.csv");

        (await Reports.RunAsync("summary", linhai.Server.Address, 2023, file)).Expect(0);

        var csv = CsvFile.Read(file);
        var policy = PolicyPresets.Get("linhai-2022");
        string[] audit = ["region", "year", "version", "run_id", "target_year", "policy_id", "policy_version", "policy_hash", "citation"];
        string[] expected = ["331082", "2023", "1", linhai.Published2023.RunId, "2023", "linhai-2022", policy.Version, PolicyJson.Hash(policy), "临政发〔2022〕22号 附件 二、主要目标"];
        Assert.Equal(3, csv.Rows.Count);
        Assert.All(csv.Rows, row => Assert.Equal(expected, audit.Select(c => row[csv.Column(c)])));
    }

    [Fact]
    public async Task Summary_Year2023_PrintsATableOfTheThreeIndicators()
    {
        var file = temp.File("summary.csv");

        var run = (await Reports.RunAsync("summary", linhai.Server.Address, 2023, file)).Expect(0);

        Assert.Contains($"published  region 331082, year 2023, version 1, run {linhai.Published2023.RunId}\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("targets    for 2023; 10 规上 enterprises\n", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^tax_per_mu +19\.0779 +20\.3 +no +-1\.2221 +10  万元/亩$", run.Out);
        Assert.Matches(@"(?m)^va_per_mu +110\.6452 +101\.4 +yes +9\.2452 +9  万元/亩$", run.Out);
        Assert.Matches(@"(?m)^labour_productivity +36\.0223 +24\.23 +yes +11\.7923 +8  万元/人$", run.Out);
        Assert.Contains($"written    {file}\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_SameServerDataTwice_ByteIdentical()
    {
        var first = temp.File("first.csv");
        var second = temp.File("second.csv");

        (await Reports.RunAsync("summary", linhai.Server.Address, 2023, first)).Expect(0);
        (await Reports.RunAsync("summary", linhai.Server.Address, 2023, second)).Expect(0);

        Assert.Equal(await File.ReadAllBytesAsync(first), await File.ReadAllBytesAsync(second));
    }
}

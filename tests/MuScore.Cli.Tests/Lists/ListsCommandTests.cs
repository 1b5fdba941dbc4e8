using MuScore.Core.Policies;

namespace MuScore.Cli.Tests.Lists;

/// <summary>"muscore lists" against the real server with Linhai's 2022 and 2023 publications (seed 004 附件 二).</summary>
public sealed class ListsCommandTests(LinhaiServer linhai) : IClassFixture<LinhaiServer>, IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Lists_Year2023_LargeListThenLowListEachByCreditCode()
    {
        var file = temp.File("lists.csv");

        (await Reports.RunAsync("lists", linhai.Server.Address, 2023, file)).Expect(0);

        var csv = CsvFile.Read(file);
        string[][] expected =
        [
            ["LARGE_LOW_TAX", LinhaiFirms.Large],
            ["LARGE_LOW_TAX", LinhaiFirms.Both],
            ["LOW_TAX", LinhaiFirms.ExactlyFive],
            ["LOW_TAX", LinhaiFirms.Both],
            ["LOW_TAX", LinhaiFirms.BelowScale],
        ];
        Assert.Equal(expected, csv.Rows.Select(r => new[] { r[csv.Column("list")], r[csv.Column("credit_code")] }));
    }

    [Fact]
    public async Task Lists_Year2023_RowsCarryTheFiguresThatListedThem()
    {
        var file = temp.File("lists.csv");

        (await Reports.RunAsync("lists", linhai.Server.Address, 2023, file)).Expect(0);

        var csv = CsvFile.Read(file);
        string[] figures = ["name", "revenue_wan", "tax_wan", "land_mu", "tax_per_mu_wan", "previous_tax_per_mu_wan"];
        string[][] expected =
        [
            [LinhaiFirms.Name(1), "10000", "100", "10", "10", "10"],
            [LinhaiFirms.Name(5), "15000", "40", "10", "4", "8"],
            [LinhaiFirms.Name(3), "9999.99", "15", "3", "5", string.Empty],
            [LinhaiFirms.Name(5), "15000", "40", "10", "4", string.Empty],
            [LinhaiFirms.Name(9), "500", "10", "5", "2", string.Empty],
        ];
        Assert.Equal(expected, csv.Rows.Select(r => figures.Select(f => r[csv.Column(f)]).ToArray()));
        Assert.All(csv.Values("reason"), reason => Assert.NotEmpty(reason));
        Assert.Contains("(2022)", csv.Rows[0][csv.Column("reason")], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_Year2023_EveryRowNamesItsPublicationsAndPolicy()
    {
        var file = temp.File("lists.csv");

        (await Reports.RunAsync("lists", linhai.Server.Address, 2023, file)).Expect(0);

        var csv = CsvFile.Read(file);
        var policy = PolicyPresets.Get("linhai-2022");
        Assert.Equal(5, csv.Rows.Count);
        foreach (var row in csv.Rows)
        {
            var large = row[csv.Column("list")] == "LARGE_LOW_TAX";
            Assert.Equal("331082", row[csv.Column("region")]);
            Assert.Equal("2023", row[csv.Column("year")]);
            Assert.Equal("1", row[csv.Column("version")]);
            Assert.Equal(linhai.Published2023.RunId, row[csv.Column("run_id")]);
            Assert.Equal(large ? "1" : string.Empty, row[csv.Column("previous_version")]);
            Assert.Equal(large ? linhai.Published2022.RunId : string.Empty, row[csv.Column("previous_run_id")]);
            Assert.Equal("linhai-2022", row[csv.Column("policy_id")]);
            Assert.Equal(policy.Version, row[csv.Column("policy_version")]);
            Assert.Equal(PolicyJson.Hash(policy), row[csv.Column("policy_hash")]);
            Assert.Equal("临政发〔2022〕22号 附件 二、主要目标", row[csv.Column("citation")]);
        }
    }

    [Fact]
    public async Task Lists_Year2023_PrintsPublicationsPolicyCountsAndNote()
    {
        var file = temp.File("lists.csv");

        var run = (await Reports.RunAsync("lists", linhai.Server.Address, 2023, file)).Expect(0);

        Assert.Contains($"current    region 331082, year 2023, version 1, run {linhai.Published2023.RunId}\n", run.Out, StringComparison.Ordinal);
        Assert.Contains($"previous   region 331082, year 2022, version 1, run {linhai.Published2022.RunId}\n", run.Out, StringComparison.Ordinal);
        Assert.Contains($"policy     linhai-2022 version 1 (sha256 {PolicyJson.Hash(PolicyPresets.Get("linhai-2022"))})\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("lists      LARGE_LOW_TAX 2, LOW_TAX 3\n", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^note       \S", run.Out);
        Assert.Contains($"written    {file} (5 rows)\n", run.Out, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Lists_Year2022WithoutAPreviousPublication_LargeListEmptyAndSaysWhy()
    {
        var file = temp.File("lists-2022.csv");

        var run = (await Reports.RunAsync("lists", linhai.Server.Address, 2022, file)).Expect(0);

        var csv = CsvFile.Read(file);
        var row = Assert.Single(csv.Rows);
        Assert.Equal(["LOW_TAX", LinhaiFirms.ExactlyFive, linhai.Published2022.RunId, string.Empty],
            [row[csv.Column("list")], row[csv.Column("credit_code")], row[csv.Column("run_id")], row[csv.Column("previous_run_id")]]);
        Assert.Contains("previous   none: no publication of 2021, so LARGE_LOW_TAX (two years running) is empty\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("lists      LARGE_LOW_TAX 0, LOW_TAX 1\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_SameServerDataTwice_ByteIdenticalUtf8WithBom()
    {
        var first = temp.File("first.csv");
        var second = temp.File("second.csv");

        (await Reports.RunAsync("lists", linhai.Server.Address, 2023, first)).Expect(0);
        (await Reports.RunAsync("lists", linhai.Server.Address, 2023, second)).Expect(0);

        var bytes = await File.ReadAllBytesAsync(first);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(second));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.partial"));
    }

    [Fact]
    public async Task Lists_XlsxByExtension_WritesAWorkbookWithTheSameRows()
    {
        var file = temp.File("lists.xlsx");

        (await Reports.RunAsync("lists", linhai.Server.Address, 2023, file)).Expect(0);

        var sheet = Workbook.SheetXml(file);
        Assert.Contains(">LARGE_LOW_TAX<", sheet, StringComparison.Ordinal);
        Assert.Contains($">{LinhaiFirms.BelowScale}<", sheet, StringComparison.Ordinal);
        Assert.Contains("<v>9999.99</v>", sheet, StringComparison.Ordinal);
        Assert.Contains($">{linhai.Published2023.RunId}<", sheet, StringComparison.Ordinal);
    }
}

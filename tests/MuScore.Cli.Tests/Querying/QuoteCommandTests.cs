using System.Text.Json;

namespace MuScore.Cli.Tests.Querying;

/// <summary>"muscore quote" against a real server: Haining's 2025 publication under haining-2025 (D +0.30 元/kWh).</summary>
public sealed class QuoteCommandTests(QueryServer query) : IClassFixture<QueryServer>
{
    private string Address => query.Server.Address.ToString();

    [Fact]
    public async Task Quote_ClassD_QuotedWithAmountPolicyAndRatingUsed()
    {
        var rating = query.HainingD;

        var run = (await QueryServer.RunAsync("quote", rating.CreditCode, "--server", Address, "--region", "330481", "--utility", "electricity",
            "--date", QueryServer.BillingDate, "--quantity", "12500", "--token", query.Office)).Expect(ExitCodes.Success);

        Assert.Contains("outcome    QUOTED\n", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\nsurcharge  0\.[34] 元/kWh\n", run.Out);
        Assert.Matches(@"\namount     (3750|5000) 元\n", run.Out);
        Assert.Contains("policy     haining-2025 version 1 (sha256 ", run.Out, StringComparison.Ordinal);
        Assert.Contains("clause     差别化电价 D类\n", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\nrating     class D(, D \d years in a row)?: region 330481, year 2025, version 1, run [0-9a-f]{64}, published ", run.Out);
        Assert.Contains("candidates:\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quote_Json_CarriesStatusAmountAndPolicy()
    {
        var run = (await QueryServer.RunAsync("quote", query.HainingD.CreditCode, "--server", Address, "--region", "330481", "--utility", "electricity",
            "--date", QueryServer.BillingDate, "--quantity", "100", "--token", query.Office, "--json")).Expect(ExitCodes.Success);

        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("QUOTE_STATUS_QUOTED", root.GetProperty("status").GetString());
        Assert.Equal("haining-2025", root.GetProperty("policy").GetProperty("id").GetString());
        Assert.Equal("UTILITY_ELECTRICITY", root.GetProperty("utility").GetString());
        Assert.Equal(2025, root.GetProperty("rating").GetProperty("year").GetInt32());
        Assert.Matches(@"^(30|40)$", root.GetProperty("amount").GetString());
    }

    [Fact]
    public async Task Quote_RegionWithoutTariffs_PrintsTheAnswerAndExitsSix()
    {
        var run = (await QueryServer.RunAsync("quote", query.RatedB.CreditCode, "--server", Address, "--region", "331082", "--utility", "water",
            "--date", QueryServer.BillingDate, "--token", query.Office)).Expect(ExitCodes.NoAnswer);

        Assert.Contains("outcome    NO_POLICY_IN_FORCE\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("policy     none applied\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quote_TokenWithoutPolicyScope_ExitsFourPermissionDenied()
    {
        var run = (await QueryServer.RunAsync("quote", query.HainingD.CreditCode, "--server", Address, "--region", "330481", "--utility", "electricity",
            "--date", QueryServer.BillingDate, "--token", query.Reader)).Expect(ExitCodes.ServerError);

        Assert.Contains("PERMISSION_DENIED", run.Error, StringComparison.Ordinal);
        Assert.Contains("policy:quote", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("--utility 'steam' is not electricity, water or gas", "--utility", "steam", "--date", "2025-06-01")]
    [InlineData("--date '2025/06/01' is not a date YYYY-MM-DD", "--utility", "gas", "--date", "2025/06/01")]
    [InlineData("--quantity '1,000' is not a plain non-negative number", "--utility", "gas", "--date", "2025-06-01", "--quantity", "1,000")]
    [InlineData("missing --utility electricity|water|gas", "--date", "2025-06-01")]
    public void Quote_BadArguments_ExitTwoBeforeAnyCall(string problem, params string[] extra)
    {
        var run = CliRun.Of(["quote", "91331082XLT3KJF68X", "--server", "http://127.0.0.1:1", "--region", "331082", .. extra]).Expect(ExitCodes.Usage);

        Assert.StartsWith("muscore quote: " + problem, run.Error, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using MuScore.Cli.Tests.Publishing;
using MuScore.TestSupport;

namespace MuScore.Cli.Tests.Querying;

/// <summary>"muscore get" against a real server with the sample published.</summary>
public sealed class GetCommandTests(QueryServer query) : IClassFixture<QueryServer>
{
    private string Address => query.Server.Address.ToString();

    [Fact]
    public async Task Get_RatedB_PrintsClassRankGapItemsAndPublication()
    {
        var rating = query.RatedB;

        var run = (await QueryServer.RunAsync("get", rating.CreditCode, "--server", Address, "--region", "331082", "--token", query.Office)).Expect(ExitCodes.Success);

        Assert.Contains($"enterprise {rating.CreditCode} {rating.Name}\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("class      B\n", run.Out, StringComparison.Ordinal);
        Assert.Contains($"rank       {rating.Rank} of {rating.PoolSize} in pool {rating.Pool}", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\ngap        (\d+(\.\d+)? points to class A|none: .*)\n", run.Out);
        Assert.Contains($"run {query.SampleRunId}, version 1, year 2024, at ", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\nindicator +value +benchmark +weight +score +basis\n", run.Out);
        foreach (var item in rating.Items)
        {
            Assert.Contains("\n" + item.Indicator, run.Out, StringComparison.Ordinal);
        }

        Assert.Contains("figures    land ", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Json_IsTheResponseWithSnakeCaseNamesAndTheSameYear()
    {
        var rating = query.RatedB;

        var run = (await QueryServer.RunAsync("get", rating.CreditCode, "--server", Address, "--region", "331082", "--year", "2024", "--json", "--token", query.Office)).Expect(ExitCodes.Success);

        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement.GetProperty("rating");
        Assert.Equal(rating.CreditCode, root.GetProperty("credit_code").GetString());
        Assert.Equal("RATING_CLASS_B", root.GetProperty("rating_class").GetString());
        Assert.Equal(query.SampleRunId, root.GetProperty("run_id").GetString());
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(rating.Items.Count, root.GetProperty("items").GetArrayLength());
        Assert.True(root.GetProperty("items")[0].TryGetProperty("benchmark", out _));
        Assert.True(root.TryGetProperty("figures", out _));
        Assert.False(json.RootElement.GetProperty("possibly_stale").GetBoolean());
    }

    [Fact]
    public async Task Get_WithoutFiguresScope_SaysTheFiguresWereWithheld()
    {
        var rating = query.RatedB;

        var text = (await QueryServer.RunAsync("get", rating.CreditCode, "--server", Address, "--region", "331082", "--token", query.Reader)).Expect(ExitCodes.Success);
        var json = (await QueryServer.RunAsync("get", rating.CreditCode, "--server", Address, "--region", "331082", "--token", query.Reader, "--json")).Expect(ExitCodes.Success);

        Assert.Contains("figures    withheld: the token lacks ratings:figures", text.Out, StringComparison.Ordinal);
        Assert.Contains("class      B\n", text.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        var root = document.RootElement.GetProperty("rating");
        Assert.False(root.TryGetProperty("figures", out var figures) && figures.ValueKind != JsonValueKind.Null);
        Assert.False(root.GetProperty("items")[0].TryGetProperty("benchmark", out var benchmark) && benchmark.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task Get_UnknownCode_ExitsSixWithTheServersReason()
    {
        var unknown = TestCreditCodes.Make(987654, "331082");

        var run = (await QueryServer.RunAsync("get", unknown, "--server", Address, "--region", "331082", "--token", query.Office)).Expect(ExitCodes.NoAnswer);

        Assert.StartsWith("muscore get: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("NOT_FOUND", run.Error, StringComparison.Ordinal);
        Assert.Contains("check CODE, --region and --year", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Get_TokenOfAnUnknownSigner_ExitsFourUnauthenticated()
    {
        var run = (await QueryServer.RunAsync("get", query.RatedB.CreditCode, "--server", Address, "--region", "331082", "--token", query.Stranger())).Expect(ExitCodes.ServerError);

        Assert.Contains("UNAUTHENTICATED", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Get_NoServerListening_ExitsFour()
    {
        var run = (await QueryServer.RunAsync("get", query.RatedB.CreditCode, "--server", Publisher.Nowhere().ToString(), "--region", "331082")).Expect(ExitCodes.ServerError);

        Assert.Contains("UNAVAILABLE", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing CODE", "get", "--server", "http://127.0.0.1:1", "--region", "331082")]
    [InlineData("credit code '91331082XLT3KJF68Y' has a wrong check character", "get", "91331082XLT3KJF68Y", "--server", "http://127.0.0.1:1", "--region", "331082")]
    [InlineData("--region '3310' is not a 6-digit region code", "get", "91331082XLT3KJF68X", "--server", "http://127.0.0.1:1", "--region", "3310")]
    [InlineData("--year '1800' is not a whole number from 1990 to 2100", "get", "91331082XLT3KJF68X", "--server", "http://127.0.0.1:1", "--region", "331082", "--year", "1800")]
    [InlineData("unexpected argument 'extra'", "get", "91331082XLT3KJF68X", "extra", "--server", "http://127.0.0.1:1", "--region", "331082")]
    public void Get_BadArguments_ExitTwoBeforeAnyCall(string problem, params string[] args)
    {
        var run = CliRun.Of(args).Expect(ExitCodes.Usage);

        Assert.StartsWith("muscore get: " + problem, run.Error, StringComparison.Ordinal);
        Assert.Contains("usage: muscore get CODE --server URL --region CODE", run.Error, StringComparison.Ordinal);
    }
}

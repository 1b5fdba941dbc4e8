using System.Globalization;
using MuScore.Cli.Tests.Lists;

namespace MuScore.Cli.Tests.Reporting;

/// <summary>"muscore report" from a ratings.csv written by "muscore rate", and from a real server's publications.</summary>
public sealed class ReportCommandTests(LinhaiServer linhai) : IClassFixture<LinhaiServer>, IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Report_FromSampleRatingsCsv_WritesChineseSelfContainedPage()
    {
        var ratings = RateSample();
        var output = temp.File("report.html");

        var run = CliRun.Of("report", "--ratings", ratings, "--out", output).Expect(0);

        Assert.Contains("250 rated enterprises of 2024 in 2 pool(s)", run.Out, StringComparison.Ordinal);
        var html = File.ReadAllText(output);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("亩均效益综合评价报告", html, StringComparison.Ordinal);
        Assert.Contains("zj-standard", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);

        // Headline, one histogram per scored indicator of each pool (6 ABOVE + 2 BELOW), the
        // class distribution and the scatter; no transitions without a previous year.
        Assert.Equal(10, Count(html, "<svg "));
        Assert.Contains("未提供上年结果", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_WithPreviousYear_ComparesAndIsByteIdenticalOnRerun()
    {
        var ratings = RateSample();
        var first = temp.File("first.html");
        var second = temp.File("second.html");

        var run = CliRun.Of("report", "--ratings", ratings, "--previous", Sample("history-2023.csv"), "--out", first, "--lang", "en").Expect(0);
        CliRun.Of("report", "--ratings", ratings, "--previous", Sample("history-2023.csv"), "--out", second, "--lang", "en").Expect(0);

        Assert.Contains("changed class since 2023", run.Out, StringComparison.Ordinal);
        var html = File.ReadAllText(first);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Class this year against last year (2023 → 2024)", html, StringComparison.Ordinal);
        Assert.Equal(11, Count(html, "<svg "));
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public async Task Report_FromServerPublications_ReadsBothYears()
    {
        var output = temp.File("server.html");

        var run = (await Task.Run(() => CliRun.Of("report", "--server", linhai.Server.Address.ToString(), "--region", LinhaiFirms.Region,
            "--year", "2023", "--previous-year", "2022", "--out", output))).Expect(0);

        Assert.Contains("of 2023", run.Out, StringComparison.Ordinal);
        Assert.Contains("since 2022", run.Out, StringComparison.Ordinal);
        var html = File.ReadAllText(output);
        Assert.Contains(LinhaiFirms.Name(8), html, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{LinhaiFirms.Region} 2023 v{linhai.Published2023.Version}"), html, StringComparison.Ordinal);
        Assert.Contains("与上年相比的分类变动 (2022 → 2023)", html, StringComparison.Ordinal);

        // The publication carries the figures, so the histograms mark their benchmarks.
        Assert.Contains("基准值", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_YearNotPublished_ExitCode4NamesIt()
    {
        var output = temp.File("none.html");

        var run = (await Task.Run(() => CliRun.Of("report", "--server", linhai.Server.Address.ToString(), "--region", LinhaiFirms.Region,
            "--year", "2019", "--out", output))).Expect(4);

        Assert.Contains("ListRatings", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("--out", "x.html")]
    [InlineData("--ratings", "a.csv", "--server", "http://127.0.0.1:1", "--out", "x.html")]
    [InlineData("--ratings", "a.csv", "--year", "2024", "--out", "x.html")]
    [InlineData("--server", "http://127.0.0.1:1", "--year", "2024", "--out", "x.html")]
    [InlineData("--ratings", "a.csv", "--out", "x.html", "--lang", "fr")]
    public void Report_BadArguments_ExitCode2WithUsage(params string[] args)
    {
        var run = CliRun.Of(["report", .. args]).Expect(2);

        Assert.Contains("muscore report", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_MalformedCell_NamesRowAndColumn()
    {
        var ratings = RateSample();
        var lines = File.ReadAllLines(ratings);
        var header = lines[0].Split(',');
        var rated = Array.FindIndex(lines, l => l.Contains(",RATED,", StringComparison.Ordinal));
        var cells = lines[rated].Split(',');
        cells[Array.IndexOf(header, "total")] = "12x";
        lines[rated] = string.Join(',', cells);
        var broken = temp.File("broken.csv");
        File.WriteAllLines(broken, lines);

        var run = CliRun.Of("report", "--ratings", broken, "--out", temp.File("x.html")).Expect(2);

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"broken.csv row {rated + 1}, column total: '12x' is not a number"), run.Error, StringComparison.Ordinal);
    }

    private string RateSample()
    {
        var dir = temp.File("rated");
        CliRun.Of("rate", "--input", Sample("county-2024.csv"), "--scheme", "zj-standard", "--region", "331082", "--year", "2024",
            "--history", Sample("history-2023.csv"), "--out", dir, "--quiet").Expect(0);
        return Path.Combine(dir, "ratings.csv");
    }

    private static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    private static int Count(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

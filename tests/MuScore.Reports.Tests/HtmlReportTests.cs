using System.Text.RegularExpressions;
using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Reports.Tests;

/// <summary>The HTML page: self-contained, every value escaped, Chinese by default, deterministic.</summary>
public sealed partial class HtmlReportTests
{
    private const string HostileName = "<script>alert(1)</script> & \"Co\" <img src=x onerror=y>";

    private static readonly Scheme Scheme = SchemePresets.Get("zj-standard");

    [Fact]
    public void Render_Page_NoNetworkReferenceNoScriptOnlyAnchorLinks()
    {
        var html = Render(ReportLanguage.Chinese);

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(http", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(SrcAttribute().Matches(html));
        var hrefs = Href().Matches(html).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.StartsWith("#", href, StringComparison.Ordinal));
        Assert.All(hrefs, href => Assert.Contains($"id=\"{href[1..]}\"", html, StringComparison.Ordinal));
        Assert.Contains("<svg ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileEnterpriseName_Escaped()
    {
        var html = Render(ReportLanguage.English);

        Assert.DoesNotContain(HostileName, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &lt;img src=x onerror=y&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DefaultChinese_ChineseTextAndLang()
    {
        var html = Render(ReportLanguage.Chinese);

        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("亩均效益综合评价报告", html, StringComparison.Ordinal);
        Assert.Contains("最接近升档的企业", html, StringComparison.Ordinal);
        Assert.Contains("亩均税收", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_English_EnglishHeadings()
    {
        var html = Render(ReportLanguage.English);

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("Nearest to promotion", html, StringComparison.Ordinal);
        Assert.Contains("Enterprises that changed class", html, StringComparison.Ordinal);
        Assert.DoesNotContain("最接近升档的企业", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameData_SameBytes()
    {
        Assert.Equal(Render(ReportLanguage.Chinese), Render(ReportLanguage.Chinese));
    }

    [Fact]
    public void Render_Contents_HeadlineMoversAndGapTables()
    {
        var content = Content();

        var html = HtmlReport.Render(content, ReportLanguage.English);

        foreach (var pool in content.Current.Pools)
        {
            Assert.Contains($"<td>{pool.Region}</td><td>{pool.Pool}", html, StringComparison.Ordinal);
        }

        Assert.NotEmpty(content.Comparison!.Moves);
        Assert.Contains(content.Comparison.Moves[0].Current.CreditCode, html, StringComparison.Ordinal);
        Assert.NotEmpty(content.NearestToPromotion);
        var nearest = content.NearestToPromotion[0];
        Assert.Contains($"id=\"e-{nearest.Enterprise.Region}-{nearest.Enterprise.CreditCode}\"", html, StringComparison.Ordinal);
        Assert.Contains("Class this year against last year", html, StringComparison.Ordinal);
    }

    private static string Render(ReportLanguage language) => HtmlReport.Render(Content(), language);

    private static ReportContent Content()
    {
        var records = Firms.Make(50);
        records[^1] = records[^1] with { Name = HostileName };
        var current = Firms.Set(Scheme, records);
        var previous = RatingSets.FromRun(Firms.Rate(Scheme, Firms.Make(50, seed: 5)), Scheme, "last.csv");
        return ReportContent.Build(current, WithYear(previous, Firms.Year - 1), listSize: 5);
    }

    private static RatingSet WithYear(RatingSet set, int year) =>
        new(year, set.Scheme, set.Enterprises, set.Excluded, set.Invalid, set.Source);

    [GeneratedRegex(@"<[^>]*\ssrc\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex SrcAttribute();

    [GeneratedRegex(@"href=""([^""]*)""")]
    private static partial Regex Href();
}

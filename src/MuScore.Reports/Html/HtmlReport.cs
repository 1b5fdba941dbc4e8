using System.Text;
using MuScore.Core.Rating;
using static MuScore.Reports.Html.HtmlText;

namespace MuScore.Reports;

/// <summary>
/// Writes a report as one self-contained HTML page: inline CSS and SVG, no script, no reference to
/// anything outside the file (the only links are anchors within it). Every value is escaped.
/// Deterministic: the same content and language give the same bytes.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
        h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}h3{font-size:1.05em}
        table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f3f3f3}
        .c-A{background:#d9f0d3}.c-B{background:#f0f9e0}.c-C{background:#fee8c8}.c-D{background:#f8d0cc}
        figure{margin:1em 0}svg{max-width:100%;height:auto}nav a{margin-right:1em}.note{color:#666;font-size:.9em}
        """;

    /// <summary>The page.</summary>
    public static string Render(ReportContent content, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(content);
        var t = ReportText.For(language);
        var set = content.Current;
        var html = new StringBuilder(1 << 20);
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(t.HtmlLang).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<title>").Append(Escape($"{t.Title} {set.Year}")).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Escape(t.Title)).Append("</h1>\n");
        html.Append("<nav><a href=\"#headline\">").Append(Escape(t.Headline)).Append("</a><a href=\"#charts\">").Append(Escape(t.Charts))
            .Append("</a><a href=\"#movers\">").Append(Escape(t.Movers)).Append("</a><a href=\"#lowest\">").Append(Escape(t.LowestRanked))
            .Append("</a><a href=\"#nearest\">").Append(Escape(t.NearestToPromotion)).Append("</a></nav>\n");
        Facts(html, t, set);
        Headline(html, t, set);
        Charts(html, t, content, language);
        Movers(html, t, content.Comparison);
        Lowest(html, t, content.Lowest);
        Nearest(html, t, content.NearestToPromotion);
        html.Append("<p class=\"note\">").Append(Escape(t.GeneratedBy)).Append("</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Facts(StringBuilder html, ReportText t, RatingSet set)
    {
        html.Append("<table>\n");
        Row(html, t.Year, Number(set.Year));
        Row(html, t.Scheme, $"{set.Scheme.Id} {set.Scheme.Version} · {set.Scheme.Title}");
        Row(html, t.Source, set.Source);
        Row(html, t.Rated, Number(set.Enterprises.Count));
        Row(html, t.Excluded, Number(set.Excluded));
        if (set.Invalid > 0)
        {
            Row(html, t.Invalid, Number(set.Invalid));
        }

        html.Append("</table>\n");

        static void Row(StringBuilder html, string label, string value) =>
            html.Append("<tr><th>").Append(Escape(label)).Append("</th><td>").Append(Escape(value)).Append("</td></tr>\n");
    }

    private static void Headline(StringBuilder html, ReportText t, RatingSet set)
    {
        html.Append("<h2 id=\"headline\">").Append(Escape(t.Headline)).Append("</h2>\n<table>\n<tr><th>").Append(Escape(t.Region))
            .Append("</th><th>").Append(Escape(t.Pool)).Append("</th>");
        foreach (var c in Enum.GetValues<RatingClass>())
        {
            html.Append("<th class=\"n c-").Append(c).Append("\">").Append(Escape(t.ClassName(c))).Append("</th>");
        }

        html.Append("<th class=\"n\">").Append(Escape(t.Total)).Append("</th></tr>\n");
        foreach (var pool in set.Pools)
        {
            var counts = set.ClassCounts(pool);
            html.Append("<tr><td>").Append(Escape(pool.Region)).Append("</td><td>").Append(Escape(PoolTitle(set, pool))).Append("</td>");
            foreach (var count in counts)
            {
                html.Append("<td class=\"n\">").Append(Number(count)).Append("</td>");
            }

            html.Append("<td class=\"n\">").Append(Number(counts.Sum())).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Charts(StringBuilder html, ReportText t, ReportContent content, ReportLanguage language)
    {
        var set = content.Current;
        html.Append("<h2 id=\"charts\">").Append(Escape(t.Charts)).Append("</h2>\n");
        Figure(html, ReportCharts.ClassDistribution(set, language));
        html.Append("<h3>").Append(Escape(t.IndicatorDistribution)).Append("</h3>\n");
        foreach (var pool in set.Pools)
        {
            foreach (var rule in set.Rule(pool)?.Indicators ?? [])
            {
                Figure(html, ReportCharts.IndicatorDistribution(set, pool, rule.Indicator, language));
            }
        }

        Figure(html, ReportCharts.ScoreAgainstTaxPerMu(set, language));
        if (content.Comparison is { } comparison)
        {
            Figure(html, ReportCharts.Transitions(comparison, language));
        }
    }

    private static void Figure(StringBuilder html, string svg) => html.Append("<figure>\n").Append(svg.Trim()).Append("\n</figure>\n");

    private static void Movers(StringBuilder html, ReportText t, YearComparison? comparison)
    {
        html.Append("<h2 id=\"movers\">").Append(Escape(t.Movers)).Append("</h2>\n");
        if (comparison is null)
        {
            html.Append("<p>").Append(Escape(t.NoPrevious)).Append("</p>\n");
            return;
        }

        if (comparison.Moves.Count == 0)
        {
            html.Append("<p>").Append(Escape(t.NoMovers)).Append("</p>\n");
            return;
        }

        html.Append("<table>\n<tr><th>").Append(Escape(t.CreditCode)).Append("</th><th>").Append(Escape(t.Name)).Append("</th><th>")
            .Append(Escape(t.Pool)).Append("</th><th>").Append(Escape(t.Movement)).Append("</th><th class=\"n\">").Append(Escape(t.TotalChange))
            .Append("</th><th>").Append(Escape(t.MainReasons)).Append("</th></tr>\n");
        foreach (var move in comparison.Moves)
        {
            var reasons = move.Changes.Where(c => c.Delta != 0.0).Take(3)
                .Select(c => $"{t.Indicator(c.Indicator)} {Signed(c.Delta)}");
            html.Append("<tr><td>").Append(Escape(move.Current.CreditCode)).Append("</td><td>").Append(Escape(move.Current.Name)).Append("</td><td>")
                .Append(Escape(move.Current.Pool)).Append("</td><td class=\"c-").Append(move.To).Append("\">").Append(Escape($"{move.From} → {move.To}"))
                .Append("</td><td class=\"n\">").Append(Escape(Signed(move.TotalDelta))).Append("</td><td>").Append(Escape(string.Join("；", reasons)))
                .Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Lowest(StringBuilder html, ReportText t, IReadOnlyList<RatedEnterprise> lowest)
    {
        html.Append("<h2 id=\"lowest\">").Append(Escape(t.LowestRanked)).Append("</h2>\n<table>\n");
        EnterpriseHeader(html, t);
        foreach (var e in lowest)
        {
            EnterpriseRow(html, t, e, null);
        }

        html.Append("</table>\n");
    }

    private static void Nearest(StringBuilder html, ReportText t, IReadOnlyList<EnterpriseCard> cards)
    {
        html.Append("<h2 id=\"nearest\">").Append(Escape(t.NearestToPromotion)).Append("</h2>\n<table>\n");
        EnterpriseHeader(html, t);
        foreach (var card in cards)
        {
            EnterpriseRow(html, t, card.Enterprise, card);
        }

        html.Append("</table>\n<h3>").Append(Escape(t.GapTable)).Append("</h3>\n");
        foreach (var card in cards)
        {
            GapTable(html, t, card);
        }
    }

    private static void EnterpriseHeader(StringBuilder html, ReportText t)
    {
        html.Append("<tr><th>").Append(Escape(t.CreditCode)).Append("</th><th>").Append(Escape(t.Name)).Append("</th><th>").Append(Escape(t.Pool))
            .Append("</th><th>").Append(Escape(t.Class)).Append("</th><th class=\"n\">").Append(Escape(t.Score)).Append("</th><th class=\"n\">")
            .Append(Escape(t.Rank)).Append("</th><th class=\"n\">").Append(Escape(t.Percentile)).Append("</th><th>").Append(Escape(t.OverrideHeader))
            .Append("</th><th class=\"n\">").Append(Escape(t.Gap)).Append("</th></tr>\n");
    }

    private static void EnterpriseRow(StringBuilder html, ReportText t, RatedEnterprise e, EnterpriseCard? card)
    {
        var name = card is null ? Escape(e.Name) : $"<a href=\"#{Anchor(e)}\">{Escape(e.Name.Length == 0 ? e.CreditCode : e.Name)}</a>";
        html.Append("<tr><td>").Append(Escape(e.CreditCode)).Append("</td><td>").Append(name).Append("</td><td>").Append(Escape(e.Pool))
            .Append("</td><td class=\"c-").Append(e.Class).Append("\">").Append(Escape(t.ClassName(e.Class))).Append("</td><td class=\"n\">")
            .Append(Escape(Number(e.Total, 4))).Append("</td><td class=\"n\">").Append(Escape($"{e.Rank}/{e.PoolSize}"))
            .Append("</td><td class=\"n\">").Append(Escape(Number(e.Percentile, 1))).Append("</td><td>").Append(Escape(t.Override(e.Override)))
            .Append("</td><td class=\"n\">").Append(Escape(Number(card?.Gap ?? e.GapToNextClass, 4))).Append("</td></tr>\n");
    }

    private static void GapTable(StringBuilder html, ReportText t, EnterpriseCard card)
    {
        var e = card.Enterprise;
        html.Append("<h3 id=\"").Append(Anchor(e)).Append("\">").Append(Escape($"{e.Name} ({e.CreditCode}) · {t.ClassName(e.Class)} → {t.ClassName(card.NextClass!.Value)}"))
            .Append("</h3>\n<p>").Append(Escape($"{t.Score} {Number(e.Total, 4)} · {t.CutOff} {Number(card.CutOff, 4)} · {t.Gap} {Number(card.Gap, 4)} · "))
            .Append(Escape(card.CutOffInclusive ? t.CutOffNoteInclusive : t.CutOffNoteStrict)).Append("</p>\n<table>\n<tr><th>")
            .Append(Escape(t.IndicatorHeader)).Append("</th><th class=\"n\">")
            .Append(Escape(t.Value)).Append("</th><th class=\"n\">").Append(Escape(t.Benchmark)).Append("</th><th class=\"n\">").Append(Escape(t.ItemScore))
            .Append("</th><th class=\"n\">").Append(Escape(t.Required)).Append("</th><th class=\"n\">").Append(Escape(t.Rise)).Append("</th><th>")
            .Append(Escape(t.Answer)).Append("</th></tr>\n");
        foreach (var rise in card.Rises)
        {
            var standing = card.Standings.First(s => s.Indicator == rise.Indicator);
            var decimals = ClassGap.Step(rise.Indicator) < 0.01 ? 4 : 2;
            var answer = rise.Outcome switch
            {
                RiseOutcome.Closes => $"{t.Outcome(rise.Outcome)} {Number(rise.Rise, decimals)}" + (rise.RelativeRise is { } r ? $" (+{Number(r * 100, 1)}%)" : string.Empty),
                RiseOutcome.ReportAtLeast => $"{t.Outcome(rise.Outcome)} {Number(rise.RequiredValue, decimals)}",
                _ => t.Outcome(rise.Outcome),
            };
            var value = standing.Basis == ItemBasis.Imputed ? t.Imputed : Number(standing.Value, 4);
            html.Append("<tr><td>").Append(Escape(t.Indicator(rise.Indicator))).Append("</td><td class=\"n\">").Append(Escape(value))
                .Append("</td><td class=\"n\">").Append(Escape(Number(standing.Benchmark, 4))).Append("</td><td class=\"n\">")
                .Append(Escape($"{Number(standing.Score, 4)} / {Number(rise.MaxScore, 2)}")).Append("</td><td class=\"n\">")
                .Append(Escape(Number(rise.RequiredValue, decimals))).Append("</td><td class=\"n\">").Append(Escape(Number(rise.Rise, decimals)))
                .Append("</td><td>").Append(Escape(answer)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static string PoolTitle(RatingSet set, PoolKey pool) =>
        set.Rule(pool)?.Title is { Length: > 0 } title ? $"{pool.Pool} · {title}" : pool.Pool;

    private static string Anchor(RatedEnterprise e) => $"e-{Slug(e.Region)}-{Slug(e.CreditCode)}";

    private static string Slug(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));

    private static string Signed(double value) =>
        (value > 0 ? "+" : string.Empty) + Number(value, 2);
}

using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using ScottPlot;

namespace MuScore.Reports;

/// <summary>
/// The report's charts, drawn by ScottPlot and returned as SVG text ready to inline in HTML.
/// Same data, same language → byte-identical SVG (<see cref="SvgText"/> removes ScottPlot's only
/// varying part). Chinese charts use the Noto Sans CJK font family.
/// </summary>
public static class ReportCharts
{
    /// <summary>The CJK font family charts ask for (Debian's fonts-noto-cjk).</summary>
    public const string CjkFontFamily = "Noto Sans CJK SC";

    private const int Width = 720;
    private const int Height = 400;
    private const int HistogramBins = 20;
    private const int MaxScatterPoints = 2000;

    private static readonly Color[] ClassColors =
    [
        Color.FromHex("#1A9850"), Color.FromHex("#91CF60"), Color.FromHex("#FDAE61"), Color.FromHex("#D73027"),
    ];

    /// <summary>Stacked bars: per pool, how many enterprises are in each class.</summary>
    public static string ClassDistribution(RatingSet set, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(set);
        var text = ReportText.For(language);
        var labels = set.Pools.Select(p => PoolLabel(set, p)).ToArray();
        var counts = set.Pools.Select(set.ClassCounts).ToArray();
        var plot = NewPlot(language, text.ClassDistribution, text.Pool, text.Count);
        StackedBars(plot, labels, counts, ClassColors, [.. Enum.GetValues<RatingClass>().Select(text.ClassName)]);
        return Render(plot, "chart-classes", text.ClassDistribution);
    }

    /// <summary>
    /// A histogram of one indicator's reported values in one pool, with the pool's benchmark as a
    /// vertical line. The top 1% of values share the last bin so one outlier cannot flatten the rest.
    /// </summary>
    public static string IndicatorDistribution(RatingSet set, PoolKey pool, Indicator indicator, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(set);
        var text = ReportText.For(language);
        var members = set.InPool(pool);
        var values = members.Select(e => e.Value(indicator)).OfType<double>().Where(double.IsFinite).Order().ToArray();
        var benchmark = members.Select(e => e.Item(indicator)?.Benchmark).FirstOrDefault(b => b is not null);
        var title = $"{PoolLabel(set, pool)} · {text.Indicator(indicator)}";
        var unit = ReportText.Unit(indicator);
        var plot = NewPlot(language, title, unit.Length == 0 ? text.Value : $"{text.Value} ({unit})", text.Count);
        if (values.Length == 0)
        {
            plot.Add.Annotation(text.NoData);
            return Render(plot, Id("chart-hist", pool, indicator), title);
        }

        var low = values[0];
        var high = values[Math.Min(values.Length - 1, (int)Math.Floor(values.Length * 0.99))];
        if (benchmark is { } b && double.IsFinite(b))
        {
            low = Math.Min(low, b);
            high = Math.Max(high, b);
        }

        if (high <= low)
        {
            high = low + 1.0;
        }

        var width = (high - low) / HistogramBins;
        var bins = new double[HistogramBins];
        foreach (var v in values)
        {
            bins[Math.Clamp((int)Math.Floor((v - low) / width), 0, HistogramBins - 1)]++;
        }

        var bars = bins.Select((count, i) => new Bar
        {
            Position = low + ((i + 0.5) * width),
            Value = count,
            Size = width * 0.95,
            FillColor = Color.FromHex("#4575B4"),
            LineWidth = 0,
        }).ToList();
        plot.Add.Bars(bars);
        if (benchmark is { } line && double.IsFinite(line))
        {
            var marker = plot.Add.VerticalLine(line, 2, Color.FromHex("#D73027"), LinePattern.Dashed);
            marker.LegendText = $"{text.Benchmark} {Html.HtmlText.Number(line, 4)}";
            plot.ShowLegend(Alignment.UpperRight);
        }

        plot.Axes.Margins(bottom: 0);
        return Render(plot, Id("chart-hist", pool, indicator), title);
    }

    /// <summary>Scatter of total score against tax per mu, one colour per class, all pools together.</summary>
    public static string ScoreAgainstTaxPerMu(RatingSet set, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(set);
        var text = ReportText.For(language);
        var unit = ReportText.Unit(Indicator.TaxPerMu);
        var plot = NewPlot(language, text.ScoreAgainstTax, $"{text.Indicator(Indicator.TaxPerMu)} ({unit})", text.Score);
        var any = false;
        foreach (var c in Enum.GetValues<RatingClass>())
        {
            var points = set.Enterprises
                .Where(e => e.Class == c && e.Value(Indicator.TaxPerMu) is { } x && double.IsFinite(x))
                .Select(e => (X: e.Value(Indicator.TaxPerMu)!.Value, Y: e.Total))
                .ToArray();
            points = Thinned(points);
            if (points.Length == 0)
            {
                continue;
            }

            any = true;
            var scatter = plot.Add.ScatterPoints(points.Select(p => p.X).ToArray(), points.Select(p => p.Y).ToArray(), ClassColors[(int)c]);
            scatter.MarkerSize = 5;
            scatter.LegendText = text.ClassName(c);
        }

        if (any)
        {
            plot.ShowLegend(Alignment.LowerRight);
        }
        else
        {
            plot.Add.Annotation(text.NoData);
        }

        return Render(plot, "chart-scatter", text.ScoreAgainstTax);
    }

    /// <summary>Stacked bars: per class last year (and "not rated"), the classes the same enterprises have this year.</summary>
    public static string Transitions(YearComparison comparison, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var text = ReportText.For(language);
        var classes = Enum.GetValues<RatingClass>();
        var labels = classes.Select(c => c.ToString()).Append(text.NotRated).ToArray();
        var counts = Enumerable.Range(0, 5)
            .Select(from => Enumerable.Range(0, 5).Select(to => comparison.Transitions[from, to]).ToArray())
            .ToArray();
        var title = $"{text.Transitions} ({comparison.PreviousYear} → {comparison.CurrentYear})";
        var plot = NewPlot(language, title, text.LastYearClass, text.Count);
        Color[] colors = [.. ClassColors, Color.FromHex("#999999")];
        StackedBars(plot, labels, counts, colors, [.. classes.Select(text.ClassName), text.NotRated]);
        return Render(plot, "chart-transitions", title);
    }

    /// <summary>
    /// At most <see cref="MaxScatterPoints"/> points per class: every k-th in pool and rank order, so
    /// a province's run still gives a page a browser opens quickly, and the same data the same points.
    /// </summary>
    private static (double X, double Y)[] Thinned((double X, double Y)[] points)
    {
        if (points.Length <= MaxScatterPoints)
        {
            return points;
        }

        var stride = (points.Length + MaxScatterPoints - 1) / MaxScatterPoints;
        return points.Where((_, i) => i % stride == 0).ToArray();
    }

    private static Plot NewPlot(ReportLanguage language, string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        if (language == ReportLanguage.Chinese)
        {
            plot.Font.Set(CjkFontFamily);
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>One bar per label, stacked from the series in order; the legend names the series.</summary>
    private static void StackedBars(Plot plot, string[] labels, int[][] counts, Color[] colors, string[] series)
    {
        var bars = new List<Bar>();
        for (var i = 0; i < labels.Length; i++)
        {
            double bottom = 0;
            for (var s = 0; s < series.Length; s++)
            {
                var count = counts[i][s];
                if (count == 0)
                {
                    continue;
                }

                bars.Add(new Bar { Position = i, ValueBase = bottom, Value = bottom + count, FillColor = colors[s], LineWidth = 0 });
                bottom += count;
            }
        }

        plot.Add.Bars(bars);
        for (var s = 0; s < series.Length; s++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s], FillColor = colors[s] });
        }

        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            Enumerable.Range(0, labels.Length).Select(i => (double)i).ToArray(), labels);

        // Room above the tallest bar for the legend.
        plot.Axes.Margins(bottom: 0, top: 0.3);
    }

    private static string Render(Plot plot, string id, string title) =>
        SvgText.Normalise(plot.GetSvgXml(Width, Height), id, title);

    private static string PoolLabel(RatingSet set, PoolKey pool) =>
        set.Pools.Select(p => p.Region).Distinct().Count() > 1 ? pool.ToString() : pool.Pool;

    private static string Id(string kind, PoolKey pool, Indicator indicator) =>
        $"{kind}-{pool.Region}-{Slug(pool.Pool)}-{indicator.Id()}";

    private static string Slug(string text) =>
        string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
}

using MuScore.Core.Indicators;
using MuScore.Core.Schemes;

namespace MuScore.Reports.Tests;

/// <summary>The ScottPlot charts: byte-identical for the same data, inline-ready, Chinese where asked.</summary>
public sealed class ChartTests
{
    private static readonly Scheme Scheme = SchemePresets.Get("zj-standard");

    [Fact]
    public void Charts_SameData_ByteIdenticalEvenAfterOtherCharts()
    {
        var set = Firms.Set(Scheme, Firms.Make(60));
        var previous = Firms.Set(Scheme, Firms.Make(60, seed: 3));
        var comparison = YearComparer.Compare(set, previous);
        var pool = set.Pools[0];

        string[] Draw() =>
        [
            ReportCharts.ClassDistribution(set, ReportLanguage.Chinese),
            ReportCharts.IndicatorDistribution(set, pool, Indicator.TaxPerMu, ReportLanguage.Chinese),
            ReportCharts.ScoreAgainstTaxPerMu(set, ReportLanguage.Chinese),
            ReportCharts.Transitions(comparison, ReportLanguage.Chinese),
        ];

        var first = Draw();
        var second = Draw();

        Assert.Equal(first, second);

        // Rebuilt from equal data (not the same objects), the bytes are still the same.
        var again = Firms.Set(Scheme, Firms.Make(60));
        Assert.Equal(first[0], ReportCharts.ClassDistribution(again, ReportLanguage.Chinese));
    }

    [Fact]
    public void Charts_Svg_InlineReadyWithOwnIdsAndNoUrl()
    {
        var set = Firms.Set(Scheme, Firms.Make(30));

        var svg = ReportCharts.IndicatorDistribution(set, set.Pools[0], Indicator.VaPerMu, ReportLanguage.English);

        Assert.StartsWith("<svg ", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("http", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("cl_", svg, StringComparison.Ordinal);
        Assert.Contains("chart-hist-331082-ABOVE-va_per_mu-clip1", svg, StringComparison.Ordinal);
        Assert.Contains("viewBox=\"0 0 720 400\"", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_Chinese_CjkFontAndChineseText()
    {
        var set = Firms.Set(Scheme, Firms.Make(30));

        var svg = ReportCharts.ClassDistribution(set, ReportLanguage.Chinese);

        Assert.Contains($"font-family=\"{ReportCharts.CjkFontFamily}\"", svg, StringComparison.Ordinal);
        Assert.Contains("各组分类分布", svg, StringComparison.Ordinal);
        Assert.Contains("A 优先支持类", svg, StringComparison.Ordinal); // the ideograph 支, not the radical ⽀ Skia gives back
    }

    [Fact]
    public void IndicatorDistribution_Benchmark_DrawnAsLabelledLine()
    {
        var set = Firms.Set(Scheme, Firms.Make(30));
        var pool = set.Pools[0];
        var benchmark = set.InPool(pool)[0].Item(Indicator.TaxPerMu)!.Value.Benchmark!.Value;

        var svg = ReportCharts.IndicatorDistribution(set, pool, Indicator.TaxPerMu, ReportLanguage.English);

        Assert.Contains($"Benchmark {Math.Round(benchmark, 4).ToString(System.Globalization.CultureInfo.InvariantCulture)}", svg, StringComparison.Ordinal);
        Assert.Contains("<path fill=\"#D73027\"", svg, StringComparison.Ordinal); // the dashed line, drawn as segments
    }
}

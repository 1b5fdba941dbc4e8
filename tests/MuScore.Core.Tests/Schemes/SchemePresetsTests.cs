using MuScore.Core.Indicators;
using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Core.Tests.Schemes;

public class SchemePresetsTests
{
    [Fact]
    public void Names_ListsTheShippedPresetsSortedOrdinally()
    {
        Assert.Equal(["huaian-2024", "linhai-2014", "zj-standard"], SchemePresets.Names);
    }

    [Fact]
    public void Get_ZjStandard_HasHuangyanWeightsAndPoolBenchmarks()
    {
        var scheme = SchemePresets.Get("zj-standard");

        AssertCommonRules(scheme, belowScaleMinLandMu: 3m);
        Assert.Equal(["ABOVE", "BELOW"], scheme.Pools.Select(p => p.Id));
        AssertPool(scheme.Pools[0], Scale.Above, null, null);
        AssertPool(scheme.Pools[1], Scale.Below, null, null);
        Assert.Equal(
            [
                Aggregate(Indicator.TaxPerMu, 30, 1), Aggregate(Indicator.VaPerMu, 20, 1), Aggregate(Indicator.VaPerEnergy, 20, 1),
                Aggregate(Indicator.VaPerEmission, 10, 1), Aggregate(Indicator.LabourProductivity, 10, 1), Aggregate(Indicator.RdIntensity, 10, 1),
            ],
            scheme.Pools[0].Indicators);
        Assert.Equal([Aggregate(Indicator.TaxPerMu, 50, 1), Aggregate(Indicator.TaxPerKwh, 50, 1)], scheme.Pools[1].Indicators);
        foreach (var reference in new[] { "24.097", "136.16", "2.694", "4929.81", "18.14", "0.0302", "11.593", "0.2352" })
        {
            Assert.Contains(reference, scheme.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Get_Linhai2014_PoolsByLandWithFixedBenchmarks()
    {
        var scheme = SchemePresets.Get("linhai-2014");

        AssertCommonRules(scheme, belowScaleMinLandMu: null);
        Assert.Equal(["GE3", "LT3"], scheme.Pools.Select(p => p.Id));
        AssertPool(scheme.Pools[0], null, 3m, null);
        AssertPool(scheme.Pools[1], null, null, 3m);
        Assert.Equal(
            [
                Fixed(Indicator.TaxPerMu, 40, 15), Fixed(Indicator.RevenuePerMu, 10, 300), Fixed(Indicator.VaPerEnergy, 20, 3),
                Fixed(Indicator.VaPerCod, 15, 500), Fixed(Indicator.VaPerWater, 5, 0.1), Fixed(Indicator.LabourProductivity, 10, 15),
            ],
            scheme.Pools[0].Indicators);
        Assert.Equal(
            [Fixed(Indicator.TaxPerMu, 50, 15), Fixed(Indicator.RevenuePerMu, 20, 300), Fixed(Indicator.TaxPerKwh, 30, 2)],
            scheme.Pools[1].Indicators);
    }

    [Fact]
    public void Get_Huaian2024_TwoScalePoolsWithTwiceTheAggregate()
    {
        var scheme = SchemePresets.Get("huaian-2024");

        AssertCommonRules(scheme, belowScaleMinLandMu: 3m);
        Assert.Equal(["ABOVE", "BELOW"], scheme.Pools.Select(p => p.Id));
        AssertPool(scheme.Pools[0], Scale.Above, null, null);
        AssertPool(scheme.Pools[1], Scale.Below, null, null);
        foreach (var pool in scheme.Pools)
        {
            Assert.Equal(
                [Aggregate(Indicator.TaxPerMu, 45, 2), Aggregate(Indicator.RevenuePerMu, 35, 2), Aggregate(Indicator.TaxPerEnergy, 20, 2)],
                pool.Indicators);
        }
    }

    [Theory]
    [InlineData("zj-standard")]
    [InlineData("linhai-2014")]
    [InlineData("huaian-2024")]
    public void GetJson_ParsesToTheSameScheme(string name)
    {
        var result = SchemeJson.Parse(SchemePresets.GetJson(name));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(name, result.Scheme!.Id);
        Assert.Equal(SchemeJson.Hash(SchemePresets.Get(name)), SchemeJson.Hash(result.Scheme));
    }

    [Theory]
    [InlineData("zj-standard")]
    [InlineData("linhai-2014")]
    [InlineData("huaian-2024")]
    public void GetJson_ShippedFileIsCanonical(string name)
    {
        // Keeps the shipped file's own SHA-256 equal to the scheme hash that ratings record.
        Assert.Equal(SchemeJson.ToCanonicalJson(SchemePresets.Get(name)), SchemePresets.GetJson(name));
    }

    [Fact]
    public void Get_SameNameTwice_ReturnsTheInstanceParsedOnce()
    {
        Assert.Same(SchemePresets.Get("zj-standard"), SchemePresets.Get("zj-standard"));
    }

    [Theory]
    [InlineData("zj_standard")]
    [InlineData("ZJ-STANDARD")]
    [InlineData("")]
    public void Get_UnknownName_ThrowsListingTheKnownNames(string name)
    {
        var exception = Assert.Throws<KeyNotFoundException>(() => SchemePresets.Get(name));

        Assert.Contains("known: huaian-2024, linhai-2014, zj-standard", exception.Message, StringComparison.Ordinal);
        Assert.Throws<KeyNotFoundException>(() => SchemePresets.GetJson(name));
    }

    [Fact]
    public void TryGet_KnownAndUnknownNames_ReportWhetherFound()
    {
        Assert.True(SchemePresets.TryGet("linhai-2014", out var scheme));
        Assert.Equal("linhai-2014", scheme.Id);
        Assert.False(SchemePresets.TryGet("linhai-2015", out _));
    }

    private static IndicatorRule Aggregate(Indicator indicator, double weight, double factor) =>
        new(indicator, weight, new BenchmarkRule(BenchmarkKind.PoolAggregate, null, factor));

    private static IndicatorRule Fixed(Indicator indicator, double weight, double value) =>
        new(indicator, weight, new BenchmarkRule(BenchmarkKind.Fixed, value, 1.0));

    private static void AssertCommonRules(Scheme scheme, decimal? belowScaleMinLandMu)
    {
        Assert.Equal(ScoringMethod.Ratio, scheme.Method);
        Assert.Equal(3.0, scheme.Cap);
        Assert.Equal(0.0, scheme.Floor);
        Assert.Equal([44, 45, 46], scheme.Exclusions.UtilityDivisions);
        Assert.Equal(1, scheme.Exclusions.MinYearsInProduction);
        Assert.Equal(belowScaleMinLandMu, scheme.Exclusions.BelowScaleMinLandMu);
        Assert.Equal(new ClassificationRules(ClassificationMode.Quota, 20m, 40m, 5m, null, null, null), scheme.Classification);
        Assert.Equal(new OverrideRules(true, 10_000m, 3_000m), scheme.Overrides);
        Assert.False(string.IsNullOrWhiteSpace(scheme.Version));
        Assert.Matches("[\u4e00-\u9fff]", scheme.Title);
    }

    private static void AssertPool(PoolRule pool, Scale? scale, decimal? minLandMu, decimal? maxLandMu)
    {
        Assert.Equal(scale, pool.Scale);
        Assert.Equal(minLandMu, pool.MinLandMu);
        Assert.Equal(maxLandMu, pool.MaxLandMu);
        Assert.Null(pool.Divisions);
    }
}

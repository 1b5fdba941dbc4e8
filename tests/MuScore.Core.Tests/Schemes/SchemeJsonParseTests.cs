using MuScore.Core.Indicators;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using static MuScore.Core.Tests.Schemes.SchemeJsonTestData;

namespace MuScore.Core.Tests.Schemes;

public class SchemeJsonParseTests
{
    [Theory]
    [InlineData("{\n  \"id\": \"x\"\n  \"version\": \"1\"\n}", "malformed JSON at line 3, byte 3:")]
    [InlineData("{\"id\": \"x\",", "malformed JSON at line 1")]
    [InlineData("", "malformed JSON at line 1, byte 1:")]
    [InlineData("not json", "malformed JSON at line 1, byte 2:")]
    public void Parse_MalformedJson_GivesOneErrorAtRootWithPosition(string json, string expectedStart)
    {
        var result = SchemeJson.Parse(json);

        Assert.Null(result.Scheme);
        var error = Assert.Single(result.Errors);
        Assert.Equal("$", error.Path);
        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"zj-standard\"")]
    [InlineData("null")]
    public void Parse_RootNotAnObject_GivesOneErrorAtRoot(string json)
    {
        var error = Assert.Single(SchemeJson.Parse(json).Errors);

        Assert.Equal("$", error.Path);
        Assert.Equal("the scheme must be an object", error.Message);
    }

    [Fact]
    public void Parse_OmittedOptionalFields_TakeDocumentedDefaults()
    {
        var scheme = SchemeJson.Parse(Valid).Scheme!;

        Assert.Null(scheme.Description);
        Assert.Equal(ScoringMethod.Ratio, scheme.Method);
        Assert.Equal(3.0, scheme.Cap);
        Assert.Equal(0.0, scheme.Floor);
        Assert.Equal([44, 45, 46], scheme.Exclusions.UtilityDivisions);
        Assert.Equal(1, scheme.Exclusions.MinYearsInProduction);
        Assert.Equal(3m, scheme.Exclusions.BelowScaleMinLandMu);
        Assert.Equal(new ClassificationRules(ClassificationMode.Quota, 20m, 40m, 5m, null, null, null), scheme.Classification);
        Assert.Equal(new OverrideRules(true, 10_000m, 3_000m), scheme.Overrides);
        var above = scheme.Pools[0];
        Assert.Equal(("ABOVE", (string?)null, (Scale?)Scale.Above, (decimal?)null, (decimal?)null), (above.Id, above.Title, above.Scale, above.MinLandMu, above.MaxLandMu));
        Assert.Null(above.Divisions);
        Assert.Equal(new BenchmarkRule(BenchmarkKind.PoolAggregate, null, 1.0), above.Indicators[0].Benchmark);
    }

    [Fact]
    public void Parse_PoolCriteriaAndIndicators_AreReadInFileOrder()
    {
        var small = SchemeJson.Parse(With(Valid, "pools[1].divisions", "[39, 17, 35]")).Scheme!.Pools[1];

        Assert.Equal("SMALL", small.Id);
        Assert.Null(small.Scale);
        Assert.Equal(1m, small.MinLandMu);
        Assert.Equal(3m, small.MaxLandMu);
        Assert.Equal([17, 35, 39], small.Divisions);
        Assert.Equal([new IndicatorRule(Indicator.TaxPerMu, 100, new BenchmarkRule(BenchmarkKind.Fixed, 15, 1.0))], small.Indicators);
    }

    [Fact]
    public void Parse_NullBelowScaleMinLand_DisablesTheExclusion()
    {
        var scheme = SchemeJson.Parse(With(Valid, "exclusions", "{\"below_scale_min_land_mu\": null}")).Scheme!;

        Assert.Null(scheme.Exclusions.BelowScaleMinLandMu);
    }

    [Fact]
    public void Parse_NullInvestmentThresholds_DisableTheOverrides()
    {
        var scheme = SchemeJson.Parse(With(Valid, "overrides", "{\"investment_a_min\": null, \"protection_min\": null}")).Scheme!;

        Assert.Equal(new OverrideRules(true, null, null), scheme.Overrides);
    }

    [Fact]
    public void Parse_MinMaxWithoutBenchmarks_IsValid()
    {
        var json = With(With(Valid, "method", "\"min_max\""), "pools[0].indicators[0].benchmark", Remove);

        var result = SchemeJson.Parse(json);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(ScoringMethod.MinMax, result.Scheme!.Method);
        Assert.Equal(new BenchmarkRule(BenchmarkKind.PoolAggregate, null, 1.0), result.Scheme.Pools[0].Indicators[0].Benchmark);
    }

    [Fact]
    public void Parse_MinMaxWithBrokenBenchmark_StillReportsIt()
    {
        var json = With(With(Valid, "method", "\"min_max\""), "pools[0].indicators[1].benchmark.value", "-1");

        var error = Assert.Single(SchemeJson.Parse(json).Errors);

        Assert.Equal("pools[0].indicators[1].benchmark.value", error.Path);
    }

    [Fact]
    public void Parse_ThresholdMode_ReadsThresholdsAndDecimalQuotas()
    {
        var json = With(Valid, "classification", "{\"mode\": \"threshold\", \"quota_a\": 12.5, \"threshold_a\": 110, \"threshold_b\": 85.5, \"threshold_c\": -2}");

        var rules = SchemeJson.Parse(json).Scheme!.Classification;

        Assert.Equal(new ClassificationRules(ClassificationMode.Threshold, 12.5m, 40m, 5m, 110, 85.5, -2), rules);
    }

    [Fact]
    public void Parse_CommentsTrailingCommasAndByteOrderMark_AreAccepted()
    {
        var json = "\uFEFF" + Valid.Replace("\"version\": \"1\",", "\"version\": \"1\", // the rules of 2024\n", StringComparison.Ordinal)
            .Replace("\"divisions\": [17, 18],", "\"divisions\": [17, 18,],", StringComparison.Ordinal);

        var result = SchemeJson.Parse(json);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(SchemeJson.Hash(SchemeJson.Parse(Valid).Scheme!), SchemeJson.Hash(result.Scheme!));
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SchemeJson.Parse(null!));
    }
}

using MuScore.Core.Policies;
using MuScore.Core.Records;
using static MuScore.Core.Tests.Policies.LowEfficiencyListTests;
using static MuScore.Core.Tests.Policies.PolicyTestData;

namespace MuScore.Core.Tests.Policies;

public class RegionSummaryTests
{
    private static readonly ListRules Rules = Presets.ListRulesInForce(Linhai, 2023)!;

    private static RegionSummary Summarize(params EnterpriseFact[] facts) => PolicyEngine.SummarizeRegion(Facts(2023, facts), Rules);

    [Theory]
    [InlineData("203", false, "0")]
    [InlineData("203.01", true, "0.001")]
    [InlineData("150", false, "-5.3")]
    public void SummarizeRegion_TaxPerMu_MustExceedTwentyPointThree(string tax, bool met, string margin)
    {
        var check = Summarize(Fact(1, "0", "5"), Fact(2, tax, "5"), Fact(3, "999", "1", scale: Scale.Below)).TaxPerMu;

        Assert.Equal(met, check.Met);
        Assert.Equal(decimal.Parse(margin, System.Globalization.CultureInfo.InvariantCulture), check.Margin);
        Assert.Equal(20.3m, check.Target);
        Assert.Equal(2, check.Enterprises);
    }

    [Theory]
    [InlineData("1014", false)]
    [InlineData("1014.1", true)]
    public void SummarizeRegion_VaPerMu_MustExceedHundredOnePointFourOverReporters(string va, bool met)
    {
        var summary = Summarize(Fact(1, "1", "10", va: va), Fact(2, "1", "30", va: null));

        Assert.Equal(met, summary.VaPerMu.Met);
        Assert.Equal((1, 10m), (summary.VaPerMu.Enterprises, summary.VaPerMu.Denominator));
    }

    [Theory]
    [InlineData("2423", false)]
    [InlineData("2423.01", true)]
    public void SummarizeRegion_LabourProductivity_ManufacturingAboveScaleOnly(string va, bool met)
    {
        var summary = Summarize(
            Fact(1, "1", va: va, employees: "100"),
            Fact(2, "1", va: "100000", employees: "10", division: 8),
            Fact(3, "1", va: "100000", employees: "10", scale: Scale.Below),
            Fact(4, "1", va: "100000", employees: null));

        var check = summary.LabourProductivity;
        Assert.Equal(met, check.Met);
        Assert.Equal(1, check.Enterprises);
        Assert.Equal("万元/人", check.Unit);
        Assert.Contains("规上制造业全员劳动生产率", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SummarizeRegion_NoAboveScaleEnterprise_ValuesUndefined()
    {
        var summary = Summarize(Fact(1, "10", scale: Scale.Below));

        Assert.Equal(0, summary.AboveScaleEnterprises);
        Assert.Null(summary.TaxPerMu.Value);
        Assert.Null(summary.TaxPerMu.Met);
    }

    [Fact]
    public void SummarizeRegion_Summary_NamesPublicationTargetYearAndPolicy()
    {
        var summary = Summarize(Fact(1, "300", "10", va: "1500", employees: "50"));

        Assert.Equal((2023, "run-2023", 1), (summary.TargetYear, summary.Publication.RunId, summary.Publication.Version));
        Assert.Equal(PolicyJson.Hash(PolicyPresets.Get("linhai-2022")), summary.Policy.Hash);
        Assert.Equal((true, true, true), (summary.TaxPerMu.Met, summary.VaPerMu.Met, summary.LabourProductivity.Met));
        Assert.Equal(30m, summary.TaxPerMu.Value);
    }

    [Fact]
    public void SummarizeRegion_RulesNotInForceAtYearEnd_Throws()
    {
        Assert.Throws<ArgumentException>(() => PolicyEngine.SummarizeRegion(Facts(2024, Fact(1, "1")), Rules));
    }
}

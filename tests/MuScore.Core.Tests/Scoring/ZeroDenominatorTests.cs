using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Scoring;

/// <summary>
/// A denominator reported as 0 (docs/method.md §5, §10): a positive numerator earns the cap, a negative
/// numerator or 0/0 scores 0; the numerator still counts in Σnumerator.
/// </summary>
public sealed class ZeroDenominatorTests
{
    [Theory]
    [InlineData(500, 60.0)]
    [InlineData(-500, 0.0)]
    [InlineData(0, 0.0)]
    public void Rate_EnergyReportedZero_CapForPositiveValueAddedElseZero(int valueAdded, double expected)
    {
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.VaPerEnergy, 20, SchemeBuilder.Fixed(2)).Build();
        var target = EnterpriseBuilder.Create(1).ValueAdded(valueAdded).Energy(0).Build();
        var run = Engine.Rate(scheme, target, EnterpriseBuilder.Create(2).Build());

        var item = run.Rated(target).Items[0];
        Assert.Equal(expected, item.Score);
        Assert.Equal(ItemBasis.ZeroDenominator, item.Basis);
        Assert.False(item.Imputed);
    }

    [Theory]
    [InlineData(Indicator.VaPerEmission)]
    [InlineData(Indicator.VaPerCod)]
    [InlineData(Indicator.VaPerWater)]
    [InlineData(Indicator.TaxPerKwh)]
    [InlineData(Indicator.TaxPerEnergy)]
    public void Rate_ReportedZeroDenominator_PositiveNumeratorEarnsWeightTimesCap(Indicator indicator)
    {
        var scheme = new SchemeBuilder().Pool("ALL").Item(indicator, 10, SchemeBuilder.Fixed(1_000_000)).Cap(2.5).Build();
        var target = EnterpriseBuilder.Create(1).Pollutants(0, 0, 0, 0).Water(0).Electricity(0).Energy(0).Build();
        var run = Engine.Rate(scheme, target);

        Assert.Equal(25.0, run.Rated(target).Items[0].Score);
    }

    [Fact]
    public void Rate_ZeroDenominatorMember_AddsItsNumeratorToTheAggregate()
    {
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.VaPerEnergy, 10, SchemeBuilder.Aggregate()).Build();
        var scored = EnterpriseBuilder.Create(1).ValueAdded(100).Energy(100).Build();
        var zero = EnterpriseBuilder.Create(2).ValueAdded(300).Energy(0).Build();
        var run = Engine.Rate(scheme, scored, zero);

        // (100 + 300) / (100 + 0) = 4; the scored member's ratio is 1 / 4.
        Assert.Equal(4.0, run.PoolOf("ALL").Benchmarks[0].Benchmark);
        Assert.Equal(2.5, run.Rated(scored).Items[0].Score, Expected.Tolerance);
        Assert.Equal(30.0, run.Rated(zero).Items[0].Score);
    }

    [Fact]
    public void Rate_EveryDenominatorZero_BenchmarkUndefinedAndZeroRuleScoresEveryone()
    {
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.VaPerEnergy, 10, SchemeBuilder.Aggregate()).Build();
        var positive = EnterpriseBuilder.Create(1).ValueAdded(100).Energy(0).Build();
        var negative = EnterpriseBuilder.Create(2).ValueAdded(-100).Energy(0).Build();
        var missing = EnterpriseBuilder.Create(3).ValueAdded(100).Energy(null).Build();
        var run = Engine.Rate(scheme, positive, negative, missing);

        Assert.Null(run.PoolOf("ALL").Benchmarks[0].Benchmark);
        Assert.Equal(30.0, run.Rated(positive).Items[0].Score);
        Assert.Equal(0.0, run.Rated(negative).Items[0].Score);
        Assert.Equal(15.0, run.Rated(missing).Items[0].Score, Expected.Tolerance);
    }

    [Fact]
    public void Rate_LandIsNeverZero_TaxPerMuScoredNormally()
    {
        // Land is validated above 0, so tax_per_mu always has a denominator; a tiny plot is
        // scored on its ratio (capped), not as a zero denominator.
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.TaxPerMu, 10, SchemeBuilder.Fixed(10)).Build();
        var tiny = EnterpriseBuilder.Create(1).Land(0.001m).Tax(0.005m).Build();
        var item = Engine.Rate(scheme, tiny).Rated(tiny).Items[0];

        Assert.Equal(ItemBasis.Scored, item.Basis);
        Assert.Equal(5.0, item.Value!.Value, Expected.Tolerance);
        Assert.Equal(5.0, item.Score, Expected.Tolerance);
    }

    [Fact]
    public void Rate_AllPollutantsZero_IsAZeroDenominatorNotMissing()
    {
        var scheme = new SchemeBuilder().Pool("ALL").Item(Indicator.VaPerEmission, 10, SchemeBuilder.Fixed(100)).Build();
        var clean = EnterpriseBuilder.Create(1).Pollutants(0m, 0m, 0m, 0m).Build();
        var item = Engine.Rate(scheme, clean).Rated(clean).Items[0];

        Assert.Equal(ItemBasis.ZeroDenominator, item.Basis);
        Assert.Equal(30.0, item.Score);
    }
}

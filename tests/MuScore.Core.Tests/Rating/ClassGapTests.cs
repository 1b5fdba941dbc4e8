using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Schemes;

namespace MuScore.Core.Tests.Rating;

/// <summary>ClassGap's inversion of the ratio and min-max item scores, by hand-worked cases (docs/report.md).</summary>
public sealed class ClassGapTests
{
    // tax_per_mu: weight 40 against benchmark 10, value 10 → 40 points (cap 120).
    private static readonly ItemScore Tax = new(Indicator.TaxPerMu, 10.0, 10.0, 40.0, 40.0, ItemBasis.Scored);

    // tax_per_kwh: weight 10 against benchmark 0.5, value 0.25 → 5 points (cap 30).
    private static readonly ItemScore Kwh = new(Indicator.TaxPerKwh, 0.25, 0.5, 10.0, 5.0, ItemBasis.Scored);

    [Fact]
    public void Rises_RatioQuotaPool_SmallestCentThatPassesTheCutOff()
    {
        // Total 45, cut-off 85: tax must earn 80 points, i.e. ratio 2 → 20 万元/亩 reaches but
        // does not pass the lowest total of the class above; 20.01 does.
        var rises = ClassGap.Rises(Query(total: 45.0, cutOff: 85.0, inclusive: false));

        var tax = rises[0];
        Assert.Equal(RiseOutcome.Closes, tax.Outcome);
        Assert.Equal(20.01, tax.RequiredValue!.Value, 10);
        Assert.Equal(10.01, tax.Rise!.Value, 10);
        Assert.Equal(1.001, tax.RelativeRise!.Value, 10);
        Assert.Equal(85.04, tax.TotalAfter, 6);
    }

    [Fact]
    public void Rises_RatioThreshold_ReachingTheCutOffSuffices()
    {
        var rises = ClassGap.Rises(Query(total: 45.0, cutOff: 85.0, inclusive: true));

        Assert.Equal(20.0, rises[0].RequiredValue!.Value, 10);
        Assert.Equal(85.0, rises[0].TotalAfter, 6);
    }

    [Fact]
    public void Rises_CapTooLow_BeyondCapWithTheItemsMaximum()
    {
        // tax_per_kwh can add at most 30 − 5 = 25 points; the gap is 40.
        var rises = ClassGap.Rises(Query(total: 45.0, cutOff: 85.0, inclusive: false));

        var kwh = rises[1];
        Assert.Equal(RiseOutcome.BeyondCap, kwh.Outcome);
        Assert.Null(kwh.RequiredValue);
        Assert.Equal(30.0, kwh.MaxScore, 10);
        Assert.Equal(70.0, kwh.TotalAfter, 6);
    }

    [Fact]
    public void Rises_SmallRatioIndicator_FinerStep()
    {
        // Gap 10: tax_per_kwh must earn 15 points, ratio 1.5 → 0.75 元/kWh, passed at 0.7501.
        var rises = ClassGap.Rises(Query(total: 45.0, cutOff: 55.0, inclusive: false));

        Assert.Equal(0.0001, ClassGap.Step(Indicator.TaxPerKwh));
        Assert.Equal(0.7501, rises[1].RequiredValue!.Value, 10);
    }

    [Fact]
    public void Rises_ImputedItem_ValueToReport()
    {
        // Scored the pool mean, 30; it must earn 70 → ratio 1.75 → report 17.5 万元/亩.
        var imputed = new ItemScore(Indicator.TaxPerMu, null, 10.0, 40.0, 30.0, ItemBasis.Imputed);
        var query = Query(total: 45.0, cutOff: 85.0, inclusive: true) with { Items = [imputed] };

        var rise = Assert.Single(ClassGap.Rises(query));

        Assert.Equal(RiseOutcome.ReportAtLeast, rise.Outcome);
        Assert.Equal(17.5, rise.RequiredValue!.Value, 10);
        Assert.Null(rise.Rise);
    }

    [Fact]
    public void Rises_ZeroDenominatorOrNoBenchmark_NotApplicable()
    {
        var zero = new ItemScore(Indicator.TaxPerKwh, null, 0.5, 10.0, 0.0, ItemBasis.ZeroDenominator);
        var noBenchmark = new ItemScore(Indicator.TaxPerMu, 5.0, null, 40.0, 120.0, ItemBasis.Scored);
        var query = Query(total: 45.0, cutOff: 50.0, inclusive: true) with { Items = [zero, noBenchmark] };

        var rises = ClassGap.Rises(query);

        Assert.Equal(RiseOutcome.ZeroDenominator, rises[0].Outcome);
        Assert.Equal(RiseOutcome.NoUsableBenchmark, rises[1].Outcome);
    }

    [Fact]
    public void Rises_MinMax_InvertsWithinThePoolRange()
    {
        // Range 0..100, weight 40: value 50 scores 40 × (20 + 40) / 100 = 24. Gap 8 → 32 points →
        // 20 + 80 f = 80 → f = 0.75 → 75, reached inclusively.
        var item = new ItemScore(Indicator.TaxPerMu, 50.0, null, 40.0, 24.0, ItemBasis.Scored);
        var query = new ClassGapQuery
        {
            Items = [item],
            Total = 50.0,
            CutOff = 58.0,
            CutOffInclusive = true,
            Method = ScoringMethod.MinMax,
            Ranges = new Dictionary<Indicator, ValueRange> { [Indicator.TaxPerMu] = new(0.0, 100.0) },
        };

        var rise = Assert.Single(ClassGap.Rises(query));

        Assert.Equal(75.0, rise.RequiredValue!.Value, 10);
        Assert.Equal(40.0, rise.MaxScore);
        var beyond = Assert.Single(ClassGap.Rises(query with { CutOff = 67.0 }));
        Assert.Equal(RiseOutcome.BeyondCap, beyond.Outcome);
    }

    private static ClassGapQuery Query(double total, double cutOff, bool inclusive) => new()
    {
        Items = [Tax, Kwh],
        Total = total,
        CutOff = cutOff,
        CutOffInclusive = inclusive,
        Method = ScoringMethod.Ratio,
        Cap = 3.0,
    };
}

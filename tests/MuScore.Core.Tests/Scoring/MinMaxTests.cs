using MuScore.Core.Indicators;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Scoring;

/// <summary>Min-max scoring (docs/method.md §5, 旌德): item = weight × (20 + 80 × (x − min) / (max − min)) / 100.</summary>
public sealed class MinMaxTests
{
    [Fact]
    public void Rate_MinMax_ScoresBetweenTwentyPercentAndFullWeight()
    {
        var scheme = new SchemeBuilder().MinMax().Pool("ALL").Item(Indicator.TaxPerMu, 50, SchemeBuilder.Fixed(1)).Build();
        var members = new[]
        {
            EnterpriseBuilder.Create(1).Land(10).Tax(100).Build(),
            EnterpriseBuilder.Create(2).Land(10).Tax(200).Build(),
            EnterpriseBuilder.Create(3).Land(10).Tax(300).Build(),
            EnterpriseBuilder.Create(4).Land(4).Tax(50).Build(),
        };
        var run = Engine.Rate(scheme, members);

        // x = 10, 20, 30, 12.5; min 10, max 30.
        double[] expected = [.. new[] { 10.0, 20.0, 30.0, 12.5 }.Select(x => 50 * (20 + (80 * (x - 10) / 20)) / 100)];
        Assert.Equal([10.0, 30.0, 50.0, 15.0], expected);
        for (var i = 0; i < members.Length; i++)
        {
            Assert.Equal(expected[i], run.Rated(members[i]).Items[0].Score, Expected.Tolerance);
        }

        Assert.Null(run.PoolOf("ALL").Benchmarks[0].Benchmark);
    }

    [Fact]
    public void Rate_MinMaxWithMissingValue_ImputesTheMeanOfScores()
    {
        var scheme = new SchemeBuilder().MinMax().Pool("ALL").Item(Indicator.VaPerEnergy, 10, SchemeBuilder.Fixed(1)).Build();
        var blank = EnterpriseBuilder.Create(3).Energy(null).Build();
        var run = Engine.Rate(
            scheme,
            EnterpriseBuilder.Create(1).ValueAdded(100).Energy(100).Build(),
            EnterpriseBuilder.Create(2).ValueAdded(300).Energy(100).Build(),
            blank);

        // Scores 2 (the minimum) and 10 (the maximum): the blank one gets 6.
        Assert.Equal(6.0, run.Rated(blank).Items[0].Score, Expected.Tolerance);
        Assert.True(run.Rated(blank).Items[0].Imputed);
    }

    [Fact]
    public void Rate_MinMaxNegativeValues_StillMapMinimumToTwentyPercent()
    {
        var scheme = new SchemeBuilder().MinMax().Pool("ALL").Item(Indicator.VaPerMu, 20, SchemeBuilder.Fixed(1)).Build();
        var low = EnterpriseBuilder.Create(1).Land(1).ValueAdded(-100).Build();
        var high = EnterpriseBuilder.Create(2).Land(1).ValueAdded(100).Build();
        var middle = EnterpriseBuilder.Create(3).Land(1).ValueAdded(0).Build();
        var run = Engine.Rate(scheme, low, high, middle);

        Assert.Equal(4.0, run.Rated(low).Items[0].Score, Expected.Tolerance);
        Assert.Equal(20.0, run.Rated(high).Items[0].Score, Expected.Tolerance);
        Assert.Equal(12.0, run.Rated(middle).Items[0].Score, Expected.Tolerance);
    }
}

using MuScore.Core.Rating;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Classification;

/// <summary>
/// Gap to the next class (docs/method.md §10): lowest total of the next class up in the quota pool minus
/// own total, at least 0; empty for A, vetoed, investment A, and when the next class up is empty.
/// </summary>
public sealed class GapTests
{
    private static readonly Scheme Scheme = SchemeBuilder.TotalIsTaxPerMu().Build();

    // Ladder 1..20: A 17–20, B 9–16, C 2–8, D 1.
    [Theory]
    [InlineData(20, null)]
    [InlineData(17, null)]
    [InlineData(16, 1.0)]
    [InlineData(9, 8.0)]
    [InlineData(8, 1.0)]
    [InlineData(5, 4.0)]
    [InlineData(2, 7.0)]
    [InlineData(1, 1.0)]
    public void Rate_QuotaMembers_GapIsNextCutOffMinusOwnTotal(int total, double? gap)
    {
        var ladder = Pools.Ladder(20);
        var run = Engine.Rate(Scheme, ladder);
        Assert.Equal(gap, run.Rated(ladder[total - 1]).GapToNextClass);
    }

    [Fact]
    public void Rate_VetoedAndInvestmentA_HaveNoGap()
    {
        var vetoed = Pools.Scoring(101, 3).MajorIncident().Build();
        var investor = Pools.Scoring(102, 3).Construction(10_000m).Build();
        var run = Engine.Rate(Scheme, [.. Pools.Ladder(20), vetoed, investor]);

        Assert.Null(run.Rated(vetoed).GapToNextClass);
        Assert.Null(run.Rated(investor).GapToNextClass);
    }

    [Fact]
    public void Rate_LiftedDToC_MeasuresItsGapToB()
    {
        var lifted = Pools.Scoring(101, 0.5m).Construction(5_000m).Build();
        var rating = Engine.Rate(Scheme, [.. Pools.Ladder(20), lifted]).Rated(lifted);

        Assert.Equal(RatingClass.C, rating.Class);
        Assert.Equal(8.5, rating.GapToNextClass);
    }

    [Fact]
    public void Rate_ProtectedGradedB_MeasuresItsGapToA()
    {
        var graded = Pools.Scoring(101, 12.25m).Construction(5_000m).Build();
        var rating = Engine.Rate(Scheme, [.. Pools.Ladder(20), graded]).Rated(graded);

        Assert.Equal(RatingClass.B, rating.Class);
        Assert.Equal(4.75, rating.GapToNextClass);
    }

    [Fact]
    public void Rate_ProtectedGradedA_HasNoGap()
    {
        var graded = Pools.Scoring(101, 18).Construction(5_000m).Build();
        Assert.Null(Engine.Rate(Scheme, [.. Pools.Ladder(20), graded]).Rated(graded).GapToNextClass);
    }

    [Fact]
    public void Rate_NextClassUpEmpty_HasNoGap()
    {
        // A quota pool of 2: B and C, no A. The B member and a protected B have no class to climb to.
        var top = Pools.Scoring(1, 20).Build();
        var bottom = Pools.Scoring(2, 10).Build();
        var graded = Pools.Scoring(3, 25).Construction(3_000m).Build();
        var run = Engine.Rate(Scheme, top, bottom, graded);

        Assert.Equal(RatingClass.B, run.Rated(top).Class);
        Assert.Null(run.Rated(top).GapToNextClass);
        Assert.Equal(RatingClass.B, run.Rated(graded).Class);
        Assert.Null(run.Rated(graded).GapToNextClass);
        Assert.Equal(10.0, run.Rated(bottom).GapToNextClass);
    }

    [Fact]
    public void Rate_CMemberTiedWithLowestB_GapIsZero()
    {
        // Pool of 5: 1 A, ranks 2–3 B, 4–5 C. Ranks 3 and 4 tie on 30 (the code decides), so the
        // C member's gap is 0, never negative.
        var members = new[] { Pools.Scoring(1, 50).Build(), Pools.Scoring(2, 40).Build(), Pools.Scoring(3, 30).Build(), Pools.Scoring(4, 30).Build(), Pools.Scoring(5, 10).Build() };
        var run = Engine.Rate(Scheme, members);

        Assert.Equal(RatingClass.B, run.Rated(members[2]).Class);
        Assert.Equal(RatingClass.C, run.Rated(members[3]).Class);
        Assert.Equal(0.0, run.Rated(members[3]).GapToNextClass);
        Assert.Equal(20.0, run.Rated(members[4]).GapToNextClass);
    }

    [Fact]
    public void Rate_FractionalTotals_GapIsTheDifferenceOfTotals()
    {
        var members = new[] { Pools.Scoring(1, 0.7m).Build(), Pools.Scoring(2, 0.3m).Build(), Pools.Scoring(3, 0.1m).Build() };
        var run = Engine.Rate(Scheme, members);

        // Pool of 3: no A, rank 1 B (⌊1.8⌋ = 1), ranks 2–3 C.
        Assert.Equal(0.4, run.Rated(members[1]).GapToNextClass!.Value, Expected.Tolerance);
        Assert.Equal(0.6, run.Rated(members[2]).GapToNextClass!.Value, Expected.Tolerance);
    }
}

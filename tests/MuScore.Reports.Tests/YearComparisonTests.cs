using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Schemes;

namespace MuScore.Reports.Tests;

/// <summary>Two years side by side: transition counts add up, movers say which items moved most.</summary>
public sealed class YearComparisonTests
{
    private static readonly Scheme Scheme = SchemePresets.Get("linhai-2014");

    [Fact]
    public void Compare_OneFirmCollapses_MovesDownBecauseOfItsTax()
    {
        var last = Firms.Make(40);
        var best = Firms.Set(Scheme, last).Enterprises.First(e => e.Class == RatingClass.A);
        var now = last.Select(r => r.CreditCode == best.CreditCode ? r with { Tax = 1m } : r).ToArray();

        var comparison = YearComparer.Compare(Firms.Set(Scheme, now), Previous(Firms.Set(Scheme, last)));

        var move = Assert.Single(comparison.Moves, m => m.Current.CreditCode == best.CreditCode);
        Assert.True(move.Steps < 0);
        Assert.Equal(Indicator.TaxPerMu, move.Changes[0].Indicator);
        Assert.True(move.Changes[0].Delta < 0);
        Assert.All(move.Changes.Skip(1), c => Assert.True(Math.Abs(c.Delta) <= Math.Abs(move.Changes[0].Delta)));
    }

    [Fact]
    public void Compare_EnteredAndLeft_CountedAsNotRated()
    {
        var last = Firms.Make(40);
        var now = Firms.Make(41).Skip(1).ToArray(); // firm 1 left, firm 41 entered

        var current = Firms.Set(Scheme, now);
        var comparison = YearComparer.Compare(current, Previous(Firms.Set(Scheme, last)));

        var total = 0;
        foreach (var from in new RatingClass?[] { RatingClass.A, RatingClass.B, RatingClass.C, RatingClass.D, null })
        {
            foreach (var to in new RatingClass?[] { RatingClass.A, RatingClass.B, RatingClass.C, RatingClass.D, null })
            {
                total += comparison.Count(from, to);
            }
        }

        Assert.Equal(41, total);
        Assert.Equal(1, Enum.GetValues<RatingClass>().Sum(c => comparison.Count(null, c)));
        Assert.Equal(1, Enum.GetValues<RatingClass>().Sum(c => comparison.Count(c, null)));
        Assert.Equal(comparison.Moves.Count, Enum.GetValues<RatingClass>().Sum(f => Enum.GetValues<RatingClass>().Where(t => t != f).Sum(t => comparison.Count(f, t))));
    }

    private static RatingSet Previous(RatingSet set) =>
        new(set.Year - 1, set.Scheme, set.Enterprises, set.Excluded, set.Invalid, "last year");
}

using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Reports.Tests;

/// <summary>
/// The rise the card computes is checked against the engine itself: raise the indicator's
/// numerator by rise × land, re-rate the whole pool, and the class is the next one up; one step
/// (a cent) less and it is not. linhai-2014's fixed benchmarks make "other things equal" exact:
/// tax and revenue each feed one indicator of its ≥ 3 mu pool.
/// </summary>
public sealed class GapInversionTests
{
    private static readonly Scheme Linhai = SchemePresets.Get("linhai-2014");

    public static TheoryData<string> Classifications => ["quota", "threshold"];

    [Theory]
    [MemberData(nameof(Classifications))]
    public void Rise_ReRatedWithTheRise_MovesUpAndOneStepLessDoesNot(string classification)
    {
        var scheme = classification == "quota"
            ? Linhai
            : Linhai with { Classification = new ClassificationRules(ClassificationMode.Threshold, 0m, 0m, 0m, 150.0, 90.0, 50.0) };
        var records = Firms.Make(40);
        var set = Firms.Set(scheme, records);
        var checkedRises = 0;
        foreach (var enterprise in set.Enterprises.Where(e => e.Class != RatingClass.A))
        {
            var card = EnterpriseCards.For(set, enterprise);
            Assert.NotNull(card.NextClass);
            foreach (var indicator in new[] { Indicator.TaxPerMu, Indicator.RevenuePerMu })
            {
                var rise = Assert.Single(card.Rises, r => r.Indicator == indicator);
                if (rise.Outcome != RiseOutcome.Closes)
                {
                    Assert.Equal(RiseOutcome.BeyondCap, rise.Outcome);
                    Assert.Equal(enterprise.Class, ClassAfter(scheme, records, enterprise.CreditCode, indicator, MaxValue(set, enterprise, indicator)));
                    continue;
                }

                Assert.Equal(card.NextClass, ClassAfter(scheme, records, enterprise.CreditCode, indicator, rise.RequiredValue!.Value));
                var lessByAStep = rise.RequiredValue.Value - ClassGap.Step(indicator);
                Assert.Equal(enterprise.Class, ClassAfter(scheme, records, enterprise.CreditCode, indicator, lessByAStep));
                checkedRises++;
            }
        }

        Assert.True(checkedRises >= 10, $"only {checkedRises} rises checked");
    }

    [Fact]
    public void Rise_MinMaxScoring_ReRatedWithTheRiseMovesUpAndOneStepLessDoesNot()
    {
        var scheme = Linhai with { Method = ScoringMethod.MinMax };
        var records = Firms.Make(40, seed: 11);
        var set = Firms.Set(scheme, records);
        var checkedRises = 0;
        foreach (var enterprise in set.Enterprises.Where(e => e.Class != RatingClass.A))
        {
            var card = EnterpriseCards.For(set, enterprise);
            foreach (var rise in card.Rises.Where(r => r.Indicator is Indicator.TaxPerMu or Indicator.RevenuePerMu && r.Outcome == RiseOutcome.Closes))
            {
                // Held fixed by the inversion: the pool's range. A value that would become the new
                // maximum, or an enterprise that is the minimum, moves everyone else's score too.
                var values = set.InPool(enterprise.PoolKey).Select(e => e.Value(rise.Indicator)!.Value).ToArray();
                if (rise.RequiredValue >= values.Max() || rise.CurrentValue <= values.Min())
                {
                    continue;
                }

                Assert.Equal(card.NextClass, ClassAfter(scheme, records, enterprise.CreditCode, rise.Indicator, rise.RequiredValue!.Value));
                Assert.Equal(enterprise.Class, ClassAfter(scheme, records, enterprise.CreditCode, rise.Indicator, rise.RequiredValue.Value - ClassGap.Step(rise.Indicator)));
                checkedRises++;
            }
        }

        Assert.True(checkedRises >= 10, $"only {checkedRises} rises checked");
    }

    [Fact]
    public void Card_ClassA_HasNoNextClassAndNoRises()
    {
        var set = Firms.Set(Linhai, Firms.Make(40));
        var best = set.Enterprises.First(e => e.Class == RatingClass.A);

        var card = EnterpriseCards.For(set, best);

        Assert.Null(card.NextClass);
        Assert.Empty(card.Rises);
        Assert.Equal(best.Items.Count, card.Standings.Count);
    }

    [Fact]
    public void Card_GapAndCutOff_AgreeWithTheEngine()
    {
        var set = Firms.Set(Linhai, Firms.Make(40));

        foreach (var enterprise in set.Enterprises.Where(e => e.GapToNextClass is not null))
        {
            var card = EnterpriseCards.For(set, enterprise);
            Assert.Equal(enterprise.GapToNextClass!.Value, card.Gap!.Value, 6);
        }
    }

    /// <summary>The enterprise's class after its indicator is set to <paramref name="value"/> through the numerator (land is 10 mu).</summary>
    private static RatingClass ClassAfter(Scheme scheme, EnterpriseRecord[] records, string code, Indicator indicator, double value)
    {
        var numerator = Math.Round((decimal)value, 4) * 10m;
        var changed = records.Select(r => r.CreditCode != code ? r : indicator switch
        {
            Indicator.TaxPerMu => r with { Tax = numerator },
            Indicator.RevenuePerMu => r with { Revenue = numerator },
            _ => throw new ArgumentOutOfRangeException(nameof(indicator)),
        });
        var outcome = Firms.Rate(scheme, changed).Rows.Single(r => r.CreditCode == code);
        return outcome.Rating!.Class;
    }

    /// <summary>A value at which the item scores its cap against the fixed benchmark.</summary>
    private static double MaxValue(RatingSet set, RatedEnterprise enterprise, Indicator indicator) =>
        enterprise.Item(indicator)!.Value.Benchmark!.Value * set.Scheme.Cap * 1.01;
}

using MuScore.Core.Rating;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Properties;

/// <summary>Scoring laws over a few hundred seeded random pools (property tests).</summary>
public sealed class ScoringLawTests
{
    [Fact]
    public void Rate_RaisingOneEnterprisesTax_NeverLowersItsClass()
    {
        var checkedCount = 0;
        for (var seed = 0; seed < RandomPools.Seeds; seed++)
        {
            var records = RandomPools.Generate(seed);
            var scheme = RandomPools.SchemeFor(seed);
            var before = Engine.Rate(scheme, records);
            var rng = new Prng((ulong)seed);
            var target = rng.Next(records.Length);
            var beforeOutcome = before.Rows[target];
            if (beforeOutcome.Status != RowStatus.Rated)
            {
                continue;
            }

            var raised = records.ToArray();
            raised[target] = raised[target] with { Tax = (raised[target].Tax * 2) + 10 + rng.Amount(1000) };
            var after = Engine.Rate(scheme, raised).Rows[target].Rating!;

            // A is 0 and D is 3: a class may only move towards A.
            Assert.True(after.Class <= beforeOutcome.Rating!.Class, $"seed {seed}: {beforeOutcome.Rating.Class} became {after.Class}");
            Assert.True(after.Total >= beforeOutcome.Rating.Total, $"seed {seed}: total fell from {beforeOutcome.Rating.Total} to {after.Total}");
            Assert.True(after.Rank <= beforeOutcome.Rating.Rank, $"seed {seed}: rank fell from {beforeOutcome.Rating.Rank} to {after.Rank}");
            checkedCount++;
        }

        Assert.True(checkedCount > RandomPools.Seeds / 2);
    }

    [Fact]
    public void Rate_EveryItem_WithinTheMethodsBounds()
    {
        var items = 0;
        for (var seed = 0; seed < RandomPools.Seeds; seed++)
        {
            var scheme = RandomPools.SchemeFor(seed);
            var run = Engine.Rate(scheme, RandomPools.Generate(seed));
            foreach (var pool in run.Rows.Where(r => r.Status == RowStatus.Rated).Select(r => r.Rating!).GroupBy(r => r.Pool))
            {
                for (var k = 0; k < pool.First().Items.Count; k++)
                {
                    // When nobody in the pool has the item, it scores 0 for all (docs/method.md §10).
                    var nobodyHasIt = pool.All(r => r.Items[k].Imputed);
                    foreach (var item in pool.Select(r => r.Items[k]))
                    {
                        var (low, high) = nobodyHasIt ? (0.0, 0.0)
                            : scheme.Method == ScoringMethod.Ratio ? (0.0, item.Weight * scheme.Cap)
                            : (0.2 * item.Weight, item.Weight);
                        Assert.InRange(item.Score, low - 1e-12, high + 1e-12);
                        items++;
                    }
                }
            }
        }

        Assert.True(items > 10_000, $"only {items} items were checked");
    }

    [Fact]
    public void Rate_Totals_AreItemsPlusBonusMinusPenaltyRounded()
    {
        for (var seed = 0; seed < RandomPools.Seeds; seed++)
        {
            var run = Engine.Rate(RandomPools.SchemeFor(seed), RandomPools.Generate(seed));
            foreach (var rating in run.Rows.Where(r => r.Status == RowStatus.Rated).Select(r => r.Rating!))
            {
                var raw = rating.Items.Sum(i => i.Score) + rating.Bonus - rating.Penalty;
                Assert.Equal(Expected.Round6(raw), rating.Total, 1e-9);
                Assert.Equal(rating.Total, Math.Round(rating.Total, 6));
            }
        }
    }
}

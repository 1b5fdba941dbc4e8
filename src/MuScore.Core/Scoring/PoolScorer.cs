using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Core.Scoring;

/// <summary>Scores every member of one pool: items, imputation of missing items, totals (docs/method.md §5).</summary>
internal static class PoolScorer
{
    public static PoolScores Score(Scheme scheme, PoolRule pool, EnterpriseRecord[] members, decimal[] lands)
    {
        var n = members.Length;
        var width = pool.Indicators.Count;
        var measures = new Measure[width][];
        var benchmarks = new double?[width];
        var sums = new BenchmarkCalculator[width];
        for (var k = 0; k < width; k++)
        {
            measures[k] = new Measure[n];
        }

        // One pass over the records (scattered on the heap), every indicator at once, in chunks on
        // all cores. Each chunk sums exactly in decimal, so merging the chunks cannot depend on timing.
        var chunks = Math.Max(1, Math.Min(Environment.ProcessorCount, n / 50_000));
        var partial = new BenchmarkCalculator[chunks, width];
        Parallel.For(0, chunks, c =>
        {
            for (var i = n * c / chunks; i < n * (c + 1) / chunks; i++)
            {
                for (var k = 0; k < width; k++)
                {
                    var f = IndicatorFractions.Of(members[i], pool.Indicators[k].Indicator, lands[i]);
                    partial[c, k].Add(f);
                    measures[k][i] = Measure.From(f);
                }
            }
        });
        for (var c = 0; c < chunks; c++)
        {
            for (var k = 0; k < width; k++)
            {
                sums[k].Add(partial[c, k]);
            }
        }

        // One block for the whole pool: a million small arrays would cost more in GC than in scoring.
        var items = new ItemScore[n * width];
        for (var k = 0; k < width; k++)
        {
            benchmarks[k] = scheme.Method == ScoringMethod.Ratio ? sums[k].Result(pool.Indicators[k].Benchmark) : null;
            ScoreItem(scheme, pool.Indicators[k], benchmarks[k], measures[k], items, width, k);
        }

        var totals = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Items add in scheme order, then bonus, then penalty: a fixed order keeps totals bit-stable.
            var sum = 0.0;
            foreach (var item in items.AsSpan(i * width, width))
            {
                sum += item.Score;
            }

            sum += (double)members[i].BonusPoints;
            sum -= (double)members[i].PenaltyPoints;
            totals[i] = Math.Round(sum, 6, MidpointRounding.ToEven);
        }

        return new PoolScores(items, width, totals, benchmarks);
    }

    private static void ScoreItem(Scheme scheme, IndicatorRule rule, double? benchmark, Measure[] measures, ItemScore[] items, int width, int k)
    {
        var (min, max) = scheme.Method == ScoringMethod.MinMax ? Range(measures) : (0.0, 0.0);
        var present = new ExactSum();
        for (var i = 0; i < measures.Length; i++)
        {
            ref readonly var m = ref measures[i];
            if (m.Kind == FractionKind.Missing)
            {
                continue;
            }

            var score = scheme.Method == ScoringMethod.Ratio
                ? ItemScorer.Ratio(m, benchmark, rule.Weight, scheme.Floor, scheme.Cap)
                : ItemScorer.MinMax(m, min, max, rule.Weight);
            var scored = m.Kind == FractionKind.Value;
            items[(i * width) + k] = new ItemScore(rule.Indicator, scored ? m.Value : null, benchmark, rule.Weight, score, scored ? ItemBasis.Scored : ItemBasis.ZeroDenominator);
            present.Add(score);
        }

        // Missing items score the mean final score of those who have the item; 0 if nobody has it.
        var mean = present.Mean;
        for (var i = 0; i < measures.Length; i++)
        {
            if (measures[i].Kind == FractionKind.Missing)
            {
                items[(i * width) + k] = new ItemScore(rule.Indicator, null, benchmark, rule.Weight, mean, ItemBasis.Imputed);
            }
        }
    }

    private static (double Min, double Max) Range(Measure[] measures)
    {
        var min = double.PositiveInfinity;
        var max = double.NegativeInfinity;
        foreach (var m in measures)
        {
            if (m.Kind == FractionKind.Value)
            {
                min = Math.Min(min, m.Value);
                max = Math.Max(max, m.Value);
            }
        }

        return (min, max);
    }
}

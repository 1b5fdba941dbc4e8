using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Core.Scoring;

/// <summary>Scores every member of one pool: items, imputation of missing items, totals (docs/method.md §5).</summary>
internal static class PoolScorer
{
    /// <summary>Writes the members' item values, bases and scores, the benchmarks and the totals into <paramref name="pool"/>.</summary>
    public static void Score(Scheme scheme, PoolRule rule, PoolMembers members, PoolColumns pool)
    {
        var n = members.Count;
        var width = pool.Width;
        var chunks = Chunks.CountFor(n);
        var minMax = scheme.Method == ScoringMethod.MinMax;

        // Pass 1: every fraction, once. Each chunk sums exactly in decimal, so merging the chunks
        // cannot depend on timing; min and max merge the same in any order.
        var sums = new BenchmarkCalculator[chunks, width];
        var ranges = new (double Min, double Max)[chunks, width];
        Chunks.For(n, chunks, (c, start, end) => Measure(rule, members, pool, start, end, sums, ranges, c));
        var total = new BenchmarkCalculator[width];
        var min = new double[width];
        var max = new double[width];
        for (var k = 0; k < width; k++)
        {
            (min[k], max[k]) = (double.PositiveInfinity, double.NegativeInfinity);
            for (var c = 0; c < chunks; c++)
            {
                total[k].Add(sums[c, k]);
                min[k] = Math.Min(min[k], ranges[c, k].Min);
                max[k] = Math.Max(max[k], ranges[c, k].Max);
            }

            pool.Benchmarks[k] = minMax ? double.NaN : total[k].Result(rule.Indicators[k].Benchmark) ?? double.NaN;
        }

        // Pass 2: the items that have a value; their exact sums give the means imputed in pass 3.
        var present = new ExactSum[chunks, width];
        Chunks.For(n, chunks, (c, start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                for (var k = 0; k < width; k++)
                {
                    var at = (i * width) + k;
                    var basis = (ItemBasis)pool.Bases[at];
                    if (basis == ItemBasis.Imputed)
                    {
                        continue;
                    }

                    // Pass 1 left a zero denominator's numerator sign in the score slot.
                    var m = basis == ItemBasis.Scored
                        ? new Measure(FractionKind.Value, pool.Values[at], false)
                        : new Measure(FractionKind.ZeroDenominator, 0.0, pool.Scores[at] > 0.0);
                    var score = minMax
                        ? ItemScorer.MinMax(m, min[k], max[k], pool.Weights[k])
                        : ItemScorer.Ratio(m, double.IsNaN(pool.Benchmarks[k]) ? null : pool.Benchmarks[k], pool.Weights[k], scheme.Floor, scheme.Cap);
                    pool.Scores[at] = score;
                    present[c, k].Add(score);
                }
            }
        });

        // Missing items score the mean final score of those who have the item; 0 if nobody has it.
        var means = new double[width];
        for (var k = 0; k < width; k++)
        {
            var sum = default(ExactSum);
            for (var c = 0; c < chunks; c++)
            {
                sum.Add(present[c, k]);
            }

            means[k] = sum.Mean;
        }

        Chunks.For(n, chunks, (_, start, end) => Totals(members, pool, means, start, end));
    }

    private static void Measure(
        PoolRule rule, PoolMembers members, PoolColumns pool, int start, int end, BenchmarkCalculator[,] sums, (double Min, double Max)[,] ranges, int c)
    {
        var width = pool.Width;
        for (var k = 0; k < width; k++)
        {
            ranges[c, k] = (double.PositiveInfinity, double.NegativeInfinity);
        }

        for (var i = start; i < end; i++)
        {
            var member = members.Record(i);
            var land = members.Land(i);
            for (var k = 0; k < width; k++)
            {
                var f = IndicatorFractions.Of(member, rule.Indicators[k].Indicator, land);
                sums[c, k].Add(f);
                var at = (i * width) + k;
                switch (f.Kind)
                {
                    case FractionKind.Value:
                        var value = f.Value;
                        pool.Values[at] = value;
                        pool.Bases[at] = (byte)ItemBasis.Scored;
                        ranges[c, k] = (Math.Min(ranges[c, k].Min, value), Math.Max(ranges[c, k].Max, value));
                        break;
                    case FractionKind.ZeroDenominator:
                        pool.Values[at] = double.NaN;
                        pool.Bases[at] = (byte)ItemBasis.ZeroDenominator;
                        pool.Scores[at] = f.Numerator > 0m ? 1.0 : 0.0;
                        break;
                    default:
                        pool.Values[at] = double.NaN;
                        pool.Bases[at] = (byte)ItemBasis.Imputed;
                        break;
                }
            }
        }
    }

    private static void Totals(PoolMembers members, PoolColumns pool, double[] means, int start, int end)
    {
        var width = pool.Width;
        for (var i = start; i < end; i++)
        {
            // Items add in scheme order, then bonus, then penalty: a fixed order keeps totals bit-stable.
            var sum = 0.0;
            for (var k = 0; k < width; k++)
            {
                var at = (i * width) + k;
                if (pool.Bases[at] == (byte)ItemBasis.Imputed)
                {
                    pool.Scores[at] = means[k];
                }

                sum += pool.Scores[at];
            }

            var member = members.Record(i);
            sum += (double)member.BonusPoints;
            sum -= (double)member.PenaltyPoints;
            pool.Total[i] = Math.Round(sum, 6, MidpointRounding.ToEven);
        }
    }
}

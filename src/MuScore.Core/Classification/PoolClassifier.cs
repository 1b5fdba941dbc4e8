using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Core.Scoring;

namespace MuScore.Core.Classification;

/// <summary>
/// Ranks a scored pool and assigns classes (docs/method.md §6, §10): overrides leave the quota pool, the
/// quota pool is classified by quota or thresholds, construction-period protection is graded
/// against the resulting cut-offs, and every member gets its gap to the next class up.
/// </summary>
internal static class PoolClassifier
{
    /// <summary>Writes ranks, overrides, classes and gaps into <paramref name="pool"/>; returns the cut-offs (index = class).</summary>
    public static double?[] Classify(Scheme scheme, PoolMembers members, PoolColumns pool)
    {
        var n = members.Count;
        var chunks = Chunks.CountFor(n);
        var totals = pool.Total;
        Chunks.For(n, chunks, (_, start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                pool.Override[i] = OverrideResolver.Resolve(scheme.Overrides, members.Record(i));
            }
        });

        var order = RankOrder.Sort(totals, members);

        // The quota pool is written over the order as it is read (m <= position): one array less.
        var quotaPool = order;
        var m = 0;
        for (var position = 0; position < n; position++)
        {
            var i = order[position];
            pool.Rank[i] = position + 1;
            if (pool.Override[i] == OverrideKind.None)
            {
                quotaPool[m++] = i;
            }
        }

        pool.QuotaPoolSize = m;
        var cutOffs = ClassifyQuotaPool(scheme.Classification, quotaPool.AsSpan(0, m), pool);
        Chunks.For(n, chunks, (_, start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                pool.Class[i] = pool.Override[i] switch
                {
                    OverrideKind.Veto => RatingClass.D,
                    OverrideKind.InvestmentA => RatingClass.A,
                    OverrideKind.ConstructionProtection => Protect(scheme.Classification, cutOffs, totals[i]),
                    _ => pool.Class[i],
                };
                pool.Gap[i] = Gap(scheme.Classification, pool, cutOffs, i) ?? double.NaN;
            }
        });

        return cutOffs;
    }

    private static double?[] ClassifyQuotaPool(ClassificationRules rules, ReadOnlySpan<int> quotaPool, PoolColumns pool)
    {
        var cutOffs = new double?[4];
        var m = quotaPool.Length;
        var (lastA, lastB, dCount) = QuotaFormula.Bounds(m, rules.QuotaA, rules.QuotaB, rules.QuotaD);
        for (var q = 0; q < m; q++)
        {
            var i = quotaPool[q];
            pool.QuotaRank[i] = q + 1;
            var cls = rules.Mode == ClassificationMode.Quota
                ? QuotaFormula.ClassOf(q + 1, m, lastA, lastB, dCount)
                : ByThreshold(rules, pool.Total[i]);
            pool.Class[i] = cls;

            // Members come in rank order, so the last one seen in a class holds its lowest total.
            var cut = cutOffs[(int)cls];
            cutOffs[(int)cls] = cut is null ? pool.Total[i] : Math.Min(cut.Value, pool.Total[i]);
        }

        return cutOffs;
    }

    private static RatingClass ByThreshold(ClassificationRules rules, double total) =>
        total >= rules.ThresholdA ? RatingClass.A
        : total >= rules.ThresholdB ? RatingClass.B
        : total >= rules.ThresholdC ? RatingClass.C
        : RatingClass.D;

    /// <summary>
    /// The best class whose cut-off the total reaches (an empty class cannot be reached); D, or no
    /// class reached, or an empty quota pool, gives C. Under thresholds the thresholds are the cut-offs.
    /// </summary>
    private static RatingClass Protect(ClassificationRules rules, double?[] cutOffs, double total)
    {
        var graded = rules.Mode == ClassificationMode.Threshold ? ByThreshold(rules, total) : BestReached(cutOffs, total);
        return graded is null or RatingClass.D ? RatingClass.C : graded.Value;
    }

    private static RatingClass? BestReached(double?[] cutOffs, double total)
    {
        for (var c = 0; c < cutOffs.Length; c++)
        {
            if (cutOffs[c] is { } cut && total >= cut)
            {
                return (RatingClass)c;
            }
        }

        return null;
    }

    private static double? Gap(ClassificationRules rules, PoolColumns pool, double?[] cutOffs, int i)
    {
        var cls = pool.Class[i];
        if (cls == RatingClass.A || pool.Override[i] is OverrideKind.Veto or OverrideKind.InvestmentA)
        {
            return null;
        }

        var next = (int)cls - 1;
        var target = rules.Mode == ClassificationMode.Threshold
            ? next switch { 0 => rules.ThresholdA, 1 => rules.ThresholdB, _ => rules.ThresholdC }
            : cutOffs[next];
        return target is { } t ? Math.Max(0.0, Math.Round(t - pool.Total[i], 6, MidpointRounding.ToEven)) : null;
    }
}

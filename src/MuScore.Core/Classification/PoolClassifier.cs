using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Core.Classification;

/// <summary>
/// Ranks a scored pool and assigns classes (docs/method.md §6, §10): overrides leave the quota pool, the
/// quota pool is classified by quota or thresholds, construction-period protection is graded
/// against the resulting cut-offs, and every member gets its gap to the next class up.
/// </summary>
internal static class PoolClassifier
{
    public static PoolClassification Classify(Scheme scheme, EnterpriseRecord[] members, decimal[] lands, double[] totals)
    {
        var n = members.Length;
        var result = new PoolClassification(n);
        var order = RankOrder.Sort(totals, members, lands);
        var quotaPool = new List<int>(n);
        for (var position = 0; position < n; position++)
        {
            var i = order[position];
            result.Rank[i] = position + 1;
            result.Override[i] = OverrideResolver.Resolve(scheme.Overrides, members[i]);
            if (result.Override[i] == OverrideKind.None)
            {
                quotaPool.Add(i);
            }
        }

        result.QuotaPoolSize = quotaPool.Count;
        ClassifyQuotaPool(scheme.Classification, quotaPool, totals, result);
        for (var i = 0; i < n; i++)
        {
            result.Class[i] = result.Override[i] switch
            {
                OverrideKind.Veto => RatingClass.D,
                OverrideKind.InvestmentA => RatingClass.A,
                OverrideKind.ConstructionProtection => Protect(scheme.Classification, result.CutOffs, totals[i]),
                _ => result.Class[i],
            };
            result.Gap[i] = Gap(scheme.Classification, result, i, totals[i]);
        }

        return result;
    }

    private static void ClassifyQuotaPool(ClassificationRules rules, List<int> quotaPool, double[] totals, PoolClassification result)
    {
        var m = quotaPool.Count;
        var (lastA, lastB, dCount) = QuotaFormula.Bounds(m, rules.QuotaA, rules.QuotaB, rules.QuotaD);
        for (var q = 0; q < m; q++)
        {
            var i = quotaPool[q];
            result.QuotaRank[i] = q + 1;
            var cls = rules.Mode == ClassificationMode.Quota
                ? QuotaFormula.ClassOf(q + 1, m, lastA, lastB, dCount)
                : ByThreshold(rules, totals[i]);
            result.Class[i] = cls;

            // Members come in rank order, so the last one seen in a class holds its lowest total.
            var cut = result.CutOffs[(int)cls];
            result.CutOffs[(int)cls] = cut is null ? totals[i] : Math.Min(cut.Value, totals[i]);
        }
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

    private static double? Gap(ClassificationRules rules, PoolClassification result, int i, double total)
    {
        var cls = result.Class[i];
        if (cls == RatingClass.A || result.Override[i] is OverrideKind.Veto or OverrideKind.InvestmentA)
        {
            return null;
        }

        var next = (int)cls - 1;
        var target = rules.Mode == ClassificationMode.Threshold
            ? next switch { 0 => rules.ThresholdA, 1 => rules.ThresholdB, _ => rules.ThresholdC }
            : result.CutOffs[next];
        return target is { } t ? Math.Max(0.0, Math.Round(t - total, 6, MidpointRounding.ToEven)) : null;
    }
}

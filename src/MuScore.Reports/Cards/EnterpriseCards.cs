using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Schemes;

namespace MuScore.Reports;

/// <summary>Builds enterprise cards and the report's short lists from a rating set.</summary>
public static class EnterpriseCards
{
    /// <summary>The card of one rated enterprise of <paramref name="set"/>.</summary>
    public static EnterpriseCard For(RatingSet set, RatedEnterprise enterprise)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(enterprise);
        var standings = enterprise.Items
            .Select(i => new IndicatorStanding(i.Indicator, i.Value, i.Benchmark, i.Weight, i.Score, i.Basis))
            .ToArray();
        var card = new EnterpriseCard { Enterprise = enterprise, Standings = standings, Rises = [] };
        if (NextClass(enterprise) is not { } next || set.CutOff(enterprise.PoolKey, next) is not { } cutOff)
        {
            return card;
        }

        // A quota-pool member must pass the lowest total of the class above; thresholds and
        // construction protection only need to reach it (docs/method.md §6, §10).
        var inclusive = set.Scheme.Classification.Mode == ClassificationMode.Threshold
            || enterprise.Override == OverrideKind.ConstructionProtection;
        var query = new ClassGapQuery
        {
            Items = enterprise.Items,
            Total = enterprise.Total,
            CutOff = cutOff,
            CutOffInclusive = inclusive,
            Method = set.Scheme.Method,
            Cap = set.Scheme.Cap,
            Floor = set.Scheme.Floor,
            Ranges = set.Scheme.Method == ScoringMethod.MinMax ? Ranges(set, enterprise.PoolKey) : null,
        };
        return card with
        {
            NextClass = next,
            CutOff = cutOff,
            Gap = Math.Max(0.0, Math.Round(cutOff - enterprise.Total, 6, MidpointRounding.ToEven)),
            CutOffInclusive = inclusive,
            Rises = ClassGap.Rises(query),
        };
    }

    /// <summary>
    /// The class an enterprise could move up to: none for A, a veto or investment A; a protected
    /// enterprise lifted from D to C aims at B (docs/method.md §10).
    /// </summary>
    public static RatingClass? NextClass(RatedEnterprise enterprise)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        if (enterprise.Class == RatingClass.A || enterprise.Override is OverrideKind.Veto or OverrideKind.InvestmentA)
        {
            return null;
        }

        return enterprise.Class - 1;
    }

    /// <summary>The <paramref name="count"/> lowest-ranked enterprises of each pool, worst first.</summary>
    public static IReadOnlyList<RatedEnterprise> LowestRanked(RatingSet set, int count)
    {
        ArgumentNullException.ThrowIfNull(set);
        return set.Pools.SelectMany(p => set.InPool(p).Reverse().Take(count)).ToArray();
    }

    /// <summary>
    /// The <paramref name="count"/> enterprises of each pool nearest to the class above (smallest
    /// gap first; ties by rank), with their cards.
    /// </summary>
    public static IReadOnlyList<EnterpriseCard> NearestToPromotion(RatingSet set, int count)
    {
        ArgumentNullException.ThrowIfNull(set);
        // Chosen by the rated gap first, so only the few listed get a card (a min-max card scans its pool).
        return set.Pools
            .SelectMany(p => set.InPool(p)
                .Where(e => e.GapToNextClass is not null && NextClass(e) is not null)
                .OrderBy(e => e.GapToNextClass)
                .ThenBy(e => e.Rank)
                .Take(count)
                .Select(e => For(set, e))
                .Where(c => c.Gap is not null))
            .ToArray();
    }

    private static Dictionary<Indicator, ValueRange> Ranges(RatingSet set, PoolKey pool)
    {
        var ranges = new Dictionary<Indicator, ValueRange>();
        foreach (var enterprise in set.InPool(pool))
        {
            foreach (var item in enterprise.Items)
            {
                if (item.Basis != ItemBasis.Scored || item.Value is not { } x || !double.IsFinite(x))
                {
                    continue;
                }

                ranges[item.Indicator] = ranges.TryGetValue(item.Indicator, out var r)
                    ? new ValueRange(Math.Min(r.Min, x), Math.Max(r.Max, x))
                    : new ValueRange(x, x);
            }
        }

        return ranges;
    }
}

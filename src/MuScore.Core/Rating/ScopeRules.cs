using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Core.Rating;

/// <summary>Scope (docs/method.md §3, §10): every exclusion reason that applies, then the first matching pool.</summary>
internal static class ScopeRules
{
    /// <summary>Every exclusion reason that applies, as bits (1 &lt;&lt; reason; see <see cref="ExclusionSets"/>); 0 when in scope.</summary>
    public static int Exclusions(ExclusionRules rules, EnterpriseRecord r, decimal land, int year)
    {
        var reasons = 0;
        if (rules.UtilityDivisions.Contains(r.Division))
        {
            reasons |= 1 << (int)ExclusionReason.Utility;
        }

        // "In production < 1 year" means production started after 1 January of the evaluated year;
        // for N years, after 1 January of year − N + 1.
        if (rules.MinYearsInProduction > 0 && r.ProductionStart is { } start
            && start > new DateOnly(year - rules.MinYearsInProduction + 1, 1, 1))
        {
            reasons |= 1 << (int)ExclusionReason.NewInProduction;
        }

        if (rules.BelowScaleMinLandMu is { } minLand && r.Scale == Scale.Below && land < minLand)
        {
            reasons |= 1 << (int)ExclusionReason.BelowScaleSmallLand;
        }

        return reasons;
    }

    /// <summary>Index of the first pool whose criteria all hold; -1 when none.</summary>
    public static int Pool(IReadOnlyList<PoolRule> pools, EnterpriseRecord r, decimal land)
    {
        for (var p = 0; p < pools.Count; p++)
        {
            var pool = pools[p];
            if ((pool.Scale is null || pool.Scale == r.Scale)
                && (pool.MinLandMu is null || land >= pool.MinLandMu)
                && (pool.MaxLandMu is null || land < pool.MaxLandMu)
                && (pool.Divisions is null || pool.Divisions.Contains(r.Division)))
            {
                return p;
            }
        }

        return -1;
    }
}

using MuScore.Core.Indicators;
using MuScore.Core.Records;

namespace MuScore.Core.Schemes;

/// <summary>How item scores are computed from indicator values.</summary>
public enum ScoringMethod
{
    /// <summary>weight × clamp(x / benchmark, floor, cap) (docs/method.md §5).</summary>
    Ratio,

    /// <summary>weight × (20 + 80 × (x − min) / (max − min)) / 100 over the pool (旌德).</summary>
    MinMax,
}

/// <summary>Where an indicator's benchmark comes from.</summary>
public enum BenchmarkKind
{
    /// <summary>A number written in the scheme.</summary>
    Fixed,

    /// <summary>Σnumerator / Σdenominator over the pool, times a factor.</summary>
    PoolAggregate,
}

/// <summary>How classes are assigned from the ranking.</summary>
public enum ClassificationMode
{
    /// <summary>Shares of the quota pool by rank (docs/method.md §6).</summary>
    Quota,

    /// <summary>Absolute total-score thresholds.</summary>
    Threshold,
}

/// <summary>
/// A named, versioned rating scheme: everything a region may vary. Built by
/// <see cref="SchemeJson.Parse"/> from a scheme file (docs/schemes.md), which validates it, or
/// taken from <see cref="SchemePresets"/>. Its lists compare by reference: compare two schemes
/// by <see cref="SchemeJson.Hash"/>.
/// </summary>
public sealed record Scheme
{
    /// <summary>Scheme id, e.g. "zj-standard".</summary>
    public required string Id { get; init; }

    /// <summary>Version label of this scheme text.</summary>
    public required string Version { get; init; }

    /// <summary>Human title.</summary>
    public required string Title { get; init; }

    /// <summary>Where the rules come from and what was chosen.</summary>
    public string? Description { get; init; }

    /// <summary>Scoring method; ratio by default.</summary>
    public ScoringMethod Method { get; init; } = ScoringMethod.Ratio;

    /// <summary>Ratio method: the largest ratio an item may earn (default 3).</summary>
    public double Cap { get; init; } = 3.0;

    /// <summary>Ratio method: the smallest ratio an item may earn (default 0).</summary>
    public double Floor { get; init; }

    /// <summary>Who is out of scope.</summary>
    public required ExclusionRules Exclusions { get; init; }

    /// <summary>Pools, matched in order; the first whose criteria an enterprise meets takes it.</summary>
    public required IReadOnlyList<PoolRule> Pools { get; init; }

    /// <summary>Class assignment.</summary>
    public required ClassificationRules Classification { get; init; }

    /// <summary>Veto and construction-period overrides.</summary>
    public required OverrideRules Overrides { get; init; }
}

/// <summary>Scope exclusions (docs/method.md §3).</summary>
/// <param name="UtilityDivisions">GB/T 4754 divisions excluded as utilities (default 44, 45, 46).</param>
/// <param name="MinYearsInProduction">Excluded when production started after 1 January of (year − this + 1); 0 disables.</param>
/// <param name="BelowScaleMinLandMu">BELOW-scale enterprises with less evaluated land are excluded; null disables.</param>
public sealed record ExclusionRules(
    IReadOnlyList<int> UtilityDivisions,
    int MinYearsInProduction,
    decimal? BelowScaleMinLandMu);

/// <summary>
/// One pool: membership criteria (all optional; all given must hold) and the indicators scored in it.
/// </summary>
/// <param name="Id">Pool id, unique in the scheme, e.g. "ABOVE".</param>
/// <param name="Title">Human title.</param>
/// <param name="Scale">Only this scale; null for any.</param>
/// <param name="MinLandMu">Evaluated land at least this (inclusive); null for no bound.</param>
/// <param name="MaxLandMu">Evaluated land below this (exclusive); null for no bound.</param>
/// <param name="Divisions">Only these GB/T 4754 divisions (industry groups); null for any.</param>
/// <param name="Indicators">Indicators scored, in scheme order (totals add them in this order).</param>
public sealed record PoolRule(
    string Id,
    string? Title,
    Scale? Scale,
    decimal? MinLandMu,
    decimal? MaxLandMu,
    IReadOnlyList<int>? Divisions,
    IReadOnlyList<IndicatorRule> Indicators);

/// <summary>One scored indicator in a pool.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Weight">Points the item earns at ratio 1 (ratio) or at the pool maximum (min-max).</param>
/// <param name="Benchmark">Benchmark source (ratio method only; ignored by min-max).</param>
public sealed record IndicatorRule(Indicator Indicator, double Weight, BenchmarkRule Benchmark);

/// <summary>An indicator's benchmark.</summary>
/// <param name="Kind">Fixed or pool aggregate.</param>
/// <param name="Value">The fixed value (Fixed only).</param>
/// <param name="Factor">Multiplier of the pool aggregate (PoolAggregate only; 1 by default, 淮安 uses 2).</param>
public sealed record BenchmarkRule(BenchmarkKind Kind, double? Value, double Factor);

/// <summary>Class assignment rules.</summary>
/// <param name="Mode">Quota or threshold.</param>
/// <param name="QuotaA">Quota mode: percent of the quota pool that is A (default 20).</param>
/// <param name="QuotaB">Quota mode: percent that is B (default 40).</param>
/// <param name="QuotaD">Quota mode: percent that is D (default 5); C is the rest.</param>
/// <param name="ThresholdA">Threshold mode: rounded total at least this is A.</param>
/// <param name="ThresholdB">Threshold mode: at least this is B.</param>
/// <param name="ThresholdC">Threshold mode: at least this is C; below is D.</param>
public sealed record ClassificationRules(
    ClassificationMode Mode,
    decimal QuotaA,
    decimal QuotaB,
    decimal QuotaD,
    double? ThresholdA,
    double? ThresholdB,
    double? ThresholdC);

/// <summary>Overrides of docs/method.md §6, applied in order; null thresholds disable a rule.</summary>
/// <param name="Veto">major_incident or fails_standards → D.</param>
/// <param name="InvestmentAMin">in_construction and fixed_asset_investment ≥ this (万元) → A (default 10,000).</param>
/// <param name="ProtectionMin">in_construction and fixed_asset_investment ≥ this (万元) → graded, D lifted to C (default 3,000).</param>
public sealed record OverrideRules(bool Veto, decimal? InvestmentAMin, decimal? ProtectionMin);

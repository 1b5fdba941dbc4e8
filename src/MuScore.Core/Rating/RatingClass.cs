namespace MuScore.Core.Rating;

/// <summary>The four classes; A is best.</summary>
public enum RatingClass
{
    /// <summary>优先支持类.</summary>
    A,

    /// <summary>提升发展类.</summary>
    B,

    /// <summary>调整转型类.</summary>
    C,

    /// <summary>整治淘汰类.</summary>
    D,
}

/// <summary>The override that set an enterprise's class, if any.</summary>
public enum OverrideKind
{
    /// <summary>Classified by the quota pool or thresholds.</summary>
    None,

    /// <summary>major_incident or fails_standards → D.</summary>
    Veto,

    /// <summary>Construction-period investment ≥ 1亿 → A.</summary>
    InvestmentA,

    /// <summary>Construction-period investment ≥ 3,000万: graded against cut-offs, D lifted to C.</summary>
    ConstructionProtection,
}

/// <summary>Row status in every output.</summary>
public enum RowStatus
{
    /// <summary>Scored, ranked and classified.</summary>
    Rated,

    /// <summary>Out of scope, with reasons.</summary>
    Excluded,

    /// <summary>Failed validation, with problems.</summary>
    Invalid,
}

/// <summary>Why a valid row is out of scope.</summary>
public enum ExclusionReason
{
    /// <summary>GB/T 4754 division 44, 45 or 46 (or the scheme's list).</summary>
    Utility,

    /// <summary>In production for less than the scheme's minimum at the end of the year.</summary>
    NewInProduction,

    /// <summary>BELOW scale with evaluated land under the scheme's minimum.</summary>
    BelowScaleSmallLand,

    /// <summary>Matches none of the scheme's pools.</summary>
    NoPool,

    /// <summary>The row's region is not the one this run rates.</summary>
    OtherRegion,
}

/// <summary>Stable snake_case codes for the enums above.</summary>
public static class RatingCodes
{
    /// <summary>"RATED", "EXCLUDED" or "INVALID".</summary>
    public static string Code(this RowStatus status) => status switch
    {
        RowStatus.Rated => "RATED",
        RowStatus.Excluded => "EXCLUDED",
        _ => "INVALID",
    };

    /// <summary>"", "veto", "investment_a" or "construction_protection".</summary>
    public static string Code(this OverrideKind kind) => kind switch
    {
        OverrideKind.Veto => "veto",
        OverrideKind.InvestmentA => "investment_a",
        OverrideKind.ConstructionProtection => "construction_protection",
        _ => string.Empty,
    };

    /// <summary>Exclusion reason code.</summary>
    public static string Code(this ExclusionReason reason) => reason switch
    {
        ExclusionReason.Utility => "utility",
        ExclusionReason.NewInProduction => "in_production_under_min_years",
        ExclusionReason.BelowScaleSmallLand => "below_scale_small_land",
        ExclusionReason.NoPool => "no_pool",
        _ => "other_region",
    };
}

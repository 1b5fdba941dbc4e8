namespace MuScore.Core.Policies;

/// <summary>The two low-efficiency lists of seed 004's action plan.</summary>
public enum LowEfficiencyList
{
    /// <summary>亿元企业 with tax_per_mu ≤ 10 万元 two years running (亩均税收连续两年10万元(含)以下的亿元企业).</summary>
    LargeLowTax,

    /// <summary>tax_per_mu ≤ 5 万元 (5万元(含)以下的低效企业).</summary>
    LowTax,
}

/// <summary>One enterprise on a list, with the figures that put it there.</summary>
/// <param name="List">Which list.</param>
/// <param name="CreditCode">Credit code.</param>
/// <param name="Name">Name, if known.</param>
/// <param name="RevenueWan">Revenue this year.</param>
/// <param name="TaxWan">Tax this year.</param>
/// <param name="LandMu">Land this year.</param>
/// <param name="TaxPerMuWan">Tax per mu this year, 4 decimals for display (the test itself is exact).</param>
/// <param name="PreviousTaxPerMuWan">Tax per mu the year before (<see cref="LowEfficiencyList.LargeLowTax"/> only).</param>
/// <param name="Reason">One sentence.</param>
public sealed record ListedEnterprise(
    LowEfficiencyList List, string CreditCode, string? Name, decimal? RevenueWan, decimal TaxWan, decimal LandMu, decimal TaxPerMuWan, decimal? PreviousTaxPerMuWan, string Reason);

/// <summary>The low-efficiency lists of a region for a year.</summary>
public sealed record LowEfficiencyReport
{
    /// <summary>The publication the year's facts come from.</summary>
    public required PublicationRef Current { get; init; }

    /// <summary>The previous year's publication; null when not supplied (then the 亿元企业 list cannot be drawn up).</summary>
    public PublicationRef? Previous { get; init; }

    /// <summary>The policy applied.</summary>
    public required PolicyRef Policy { get; init; }

    /// <summary>Source and clause.</summary>
    public required string Citation { get; init; }

    /// <summary>亿元企业 at or under the tax-per-mu limit both years, by credit code.</summary>
    public required IReadOnlyList<ListedEnterprise> LargeLowTax { get; init; }

    /// <summary>Enterprises at or under the low tax-per-mu limit this year, by credit code.</summary>
    public required IReadOnlyList<ListedEnterprise> LowTax { get; init; }

    /// <summary>What the lists mean and what was missing.</summary>
    public required string Note { get; init; }
}

/// <summary>A regional aggregate compared with its target.</summary>
/// <param name="Indicator">tax_per_mu, va_per_mu or labour_productivity.</param>
/// <param name="Unit">万元/亩 or 万元/人.</param>
/// <param name="Numerator">Σ numerator over the enterprises counted.</param>
/// <param name="Denominator">Σ denominator over them.</param>
/// <param name="Enterprises">How many were counted.</param>
/// <param name="Value">Numerator / denominator, 4 decimals; null when the denominator is 0.</param>
/// <param name="Target">The target to exceed; null when the policy sets none.</param>
/// <param name="Met">True when the value exceeds the target (compared exactly); null without target or value.</param>
/// <param name="Margin">Value − target, 4 decimals (negative: the shortfall); null without target or value.</param>
/// <param name="Reason">One sentence.</param>
public sealed record TargetCheck(
    string Indicator, string Unit, decimal Numerator, decimal Denominator, int Enterprises, decimal? Value, decimal? Target, bool? Met, decimal? Margin, string Reason);

/// <summary>A region's 规上 aggregates for a year against the policy's targets.</summary>
public sealed record RegionSummary
{
    /// <summary>The publication the facts come from.</summary>
    public required PublicationRef Publication { get; init; }

    /// <summary>The policy applied.</summary>
    public required PolicyRef Policy { get; init; }

    /// <summary>Source and clause.</summary>
    public required string Citation { get; init; }

    /// <summary>The year the targets are set for; null when none.</summary>
    public int? TargetYear { get; init; }

    /// <summary>Number of 规上 enterprises.</summary>
    public required int AboveScaleEnterprises { get; init; }

    /// <summary>规上 Σtax / Σland.</summary>
    public required TargetCheck TaxPerMu { get; init; }

    /// <summary>规上 ΣVA / Σland over those reporting VA.</summary>
    public required TargetCheck VaPerMu { get; init; }

    /// <summary>规上 manufacturing ΣVA / Σemployees over those reporting both.</summary>
    public required TargetCheck LabourProductivity { get; init; }
}

/// <summary>Stable codes for the policy enums.</summary>
public static partial class PolicyCodes
{
    /// <summary>"LARGE_LOW_TAX" or "LOW_TAX".</summary>
    public static string Code(this LowEfficiencyList list) => list == LowEfficiencyList.LargeLowTax ? "LARGE_LOW_TAX" : "LOW_TAX";
}

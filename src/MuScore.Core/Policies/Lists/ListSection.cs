namespace MuScore.Core.Policies;

/// <summary>
/// Low-efficiency list thresholds and regional targets (seed 004, 附件 二、主要目标). Thresholds
/// are inclusive ("10万元(含)以下"); targets are exceeded strictly ("超过").
/// </summary>
public sealed record ListSection : PolicySection
{
    /// <summary>Least revenue of a "亿元企业", inclusive: 10,000 万元.</summary>
    public required decimal LargeMinRevenueWan { get; init; }

    /// <summary>Largest tax_per_mu, inclusive, in both years for the 亿元企业 list: 10 万元/亩.</summary>
    public required decimal LargeMaxTaxPerMuWan { get; init; }

    /// <summary>Largest tax_per_mu, inclusive, for the low-efficiency list: 5 万元/亩.</summary>
    public required decimal LowMaxTaxPerMuWan { get; init; }

    /// <summary>Year the targets are set for (2023); null when the section sets no targets.</summary>
    public int? TargetYear { get; init; }

    /// <summary>规上 aggregate tax_per_mu to exceed: 20.3 万元/亩.</summary>
    public decimal? TargetTaxPerMuWan { get; init; }

    /// <summary>规上 aggregate va_per_mu to exceed: 101.4 万元/亩.</summary>
    public decimal? TargetVaPerMuWan { get; init; }

    /// <summary>规上 manufacturing labour productivity to exceed: 24.23 万元/人.</summary>
    public decimal? TargetLabourProductivityWan { get; init; }
}

/// <summary>The list rules in force for a region and year, with their policy.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Section">Thresholds, targets, clause and period.</param>
public sealed record ListRules(PolicyRef Policy, ListSection Section)
{
    /// <summary>Source and clause.</summary>
    public string Citation => Policy.Cite(Section.Clause);
}

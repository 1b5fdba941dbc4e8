using MuScore.Core.Rating;

namespace MuScore.Core.Policies;

/// <summary>The subsidy and reward rules MuScore assesses (seed 004).</summary>
public enum SubsidyKind
{
    /// <summary>(十) 技术改造: equipment renovation subsidy.</summary>
    EquipmentRenovation,

    /// <summary>(十一) 垂直工业: vertical factory ("零增地" renovation) reward.</summary>
    VerticalFactory,

    /// <summary>(十四) 宿舍型保障性租赁住房: office/living land ratio raised.</summary>
    DormitoryLand,

    /// <summary>(九) 兼并重组: quota transfer on acquiring a "两高一低" enterprise.</summary>
    QuotaTransfer,
}

/// <summary>The figures of one subsidy rule; one derived record per <see cref="SubsidyKind"/>.</summary>
public abstract record SubsidySection : PolicySection
{
    /// <summary>Which rule.</summary>
    public abstract SubsidyKind Kind { get; }
}

/// <summary>A subsidy section in force, with its policy.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Section">The rule figures, clause and period.</param>
public sealed record SubsidyRule(PolicyRef Policy, SubsidySection Section)
{
    /// <summary>Source and clause.</summary>
    public string Citation => Policy.Cite(Section.Clause);
}

/// <summary>The subsidy rules in force for a region and date: at most one per kind.</summary>
/// <param name="Rules">The rules, in <see cref="SubsidyKind"/> order.</param>
public sealed record SubsidyRules(IReadOnlyList<SubsidyRule> Rules)
{
    /// <summary>The rule of <paramref name="kind"/>; null when none is in force.</summary>
    public SubsidyRule? Find(SubsidyKind kind) => Rules.FirstOrDefault(r => r.Section.Kind == kind);
}

/// <summary>(十) figures. Money in 万元, rates in percent.</summary>
public sealed record EquipmentRenovationSection : SubsidySection
{
    /// <inheritdoc/>
    public override SubsidyKind Kind => SubsidyKind.EquipmentRenovation;

    /// <summary>Classes that get nothing (D: docs/method.md §1).</summary>
    public required IReadOnlyList<RatingClass> ExcludedClasses { get; init; }

    /// <summary>Major project: least project investment, inclusive (1,000).</summary>
    public required decimal MajorMinProjectWan { get; init; }

    /// <summary>Major project: least equipment investment, inclusive (500).</summary>
    public required decimal MajorMinEquipmentWan { get; init; }

    /// <summary>Major project: percent of equipment investment (10).</summary>
    public required decimal MajorRatePercent { get; init; }

    /// <summary>Major project: cap (300).</summary>
    public required decimal MajorCapWan { get; init; }

    /// <summary>Ordinary project: least equipment investment, inclusive (200).</summary>
    public required decimal OrdinaryMinEquipmentWan { get; init; }

    /// <summary>Ordinary project: percent of equipment investment (5).</summary>
    public required decimal OrdinaryRatePercent { get; init; }

    /// <summary>Ordinary project: cap per enterprise (200).</summary>
    public required decimal OrdinaryCapWan { get; init; }

    /// <summary>"2513" enterprise: least growth of local contribution, percent, inclusive (12).</summary>
    public required decimal CultivatedMinGrowthPercent { get; init; }

    /// <summary>"2513" enterprise: least equipment investment, inclusive (500).</summary>
    public required decimal CultivatedMinEquipmentWan { get; init; }

    /// <summary>"2513" enterprise: percent of recognised equipment investment (15).</summary>
    public required decimal CultivatedRatePercent { get; init; }

    /// <summary>"2513" enterprise: cap; null when the clause sets none (it sets none).</summary>
    public decimal? CultivatedCapWan { get; init; }
}

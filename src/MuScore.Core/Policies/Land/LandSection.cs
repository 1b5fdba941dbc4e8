using MuScore.Core.Rating;

namespace MuScore.Core.Policies;

/// <summary>The figures of an industrial land transfer rule (seed 004 clause (七)); the rules themselves are fixed in code.</summary>
public sealed record LandSection : PolicySection
{
    /// <summary>Classes (in the previous year's evaluation) that may not receive land: C and D in (七).</summary>
    public required IReadOnlyList<RatingClass> DeniedReceiverClasses { get; init; }

    /// <summary>Most parcels a split may give, industrial real estate excepted: 3 in (七).</summary>
    public required int MaxSplitParcels { get; init; }

    /// <summary>Least area of each parcel after a split, inclusive: 10 mu in (七).</summary>
    public required decimal MinSplitParcelMu { get; init; }
}

/// <summary>The land transfer rules in force for a region and date, with their policy.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Section">The rule figures, clause and period.</param>
public sealed record LandRules(PolicyRef Policy, LandSection Section)
{
    /// <summary>Source and clause, e.g. <c>临政发〔2022〕22号 (七)</c>.</summary>
    public string Citation => Policy.Cite(Section.Clause);
}

using MuScore.Core.Rating;

namespace MuScore.Core.Policies;

/// <summary>A differentiated tariff table for one utility over one effective period.</summary>
public sealed record TariffSection : PolicySection
{
    /// <summary>The utility priced.</summary>
    public required Utility Utility { get; init; }

    /// <summary>The surcharge steps; every matching step is a candidate and only the highest applies.</summary>
    public required IReadOnlyList<RateStep> Surcharges { get; init; }
}

/// <summary>A land-use tax (城镇土地使用税) relief table over one effective period.</summary>
public sealed record TaxReliefSection : PolicySection
{
    /// <summary>The relief steps (value = percent of the tax relieved); only the highest applies.</summary>
    public required IReadOnlyList<RateStep> Reliefs { get; init; }
}

/// <summary>
/// One row of a tariff or relief table: it matches an enterprise of <see cref="Class"/> whose
/// consecutive_d_years is at least <see cref="MinConsecutiveDYears"/>.
/// </summary>
/// <param name="Class">The class it applies to.</param>
/// <param name="MinConsecutiveDYears">Least consecutive D years (0 for classes other than D).</param>
/// <param name="Value">元 per unit (tariffs) or percent relieved (reliefs).</param>
public sealed record RateStep(RatingClass Class, int MinConsecutiveDYears, decimal Value);

/// <summary>A tariff section in force, with the policy it belongs to.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Section">The section.</param>
public sealed record TariffTable(PolicyRef Policy, TariffSection Section);

/// <summary>A relief section in force, with the policy it belongs to.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Section">The section.</param>
public sealed record TaxReliefTable(PolicyRef Policy, TaxReliefSection Section);

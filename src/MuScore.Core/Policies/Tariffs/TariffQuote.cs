using MuScore.Core.Rating;

namespace MuScore.Core.Policies;

/// <summary>What a quote found.</summary>
public enum QuoteStatus
{
    /// <summary>A surcharge (or relief) applies: the highest matching candidate.</summary>
    Applies,

    /// <summary>Tables are in force but none matches the enterprise's class: nothing applies.</summary>
    NoneApplies,

    /// <summary>Tables are in force but the enterprise has no published rating in force on the date: nothing is charged.</summary>
    NoRatingInForce,

    /// <summary>No table of the region is in force on the date: nothing is charged.</summary>
    NoPolicyInForce,
}

/// <summary>One table row considered for a quote, whether it matched or not.</summary>
/// <param name="Policy">The policy the row belongs to.</param>
/// <param name="Clause">Its clause.</param>
/// <param name="Citation">Source and clause.</param>
/// <param name="Class">The class the row is for.</param>
/// <param name="MinConsecutiveDYears">Least consecutive D years it needs.</param>
/// <param name="Value">元 per unit (tariff) or percent (relief).</param>
/// <param name="Matches">True when the enterprise's rating meets the row.</param>
/// <param name="Reason">Why it matches or not.</param>
public sealed record RateCandidate(
    PolicyRef Policy, string Clause, string Citation, RatingClass Class, int MinConsecutiveDYears, decimal Value, bool Matches, string Reason);

/// <summary>The answer to a <see cref="TariffQuery"/>.</summary>
public sealed record TariffQuote
{
    /// <summary>The query answered.</summary>
    public required TariffQuery Query { get; init; }

    /// <summary>What was found.</summary>
    public required QuoteStatus Status { get; init; }

    /// <summary>The rating used (run id, version, year, class, consecutive D years); null when none is in force.</summary>
    public RatingFact? Rating { get; init; }

    /// <summary>Surcharge per unit in 元 (0 unless <see cref="QuoteStatus.Applies"/>).</summary>
    public required decimal SurchargePerUnit { get; init; }

    /// <summary>"元/kWh" or "元/m³".</summary>
    public required string Unit { get; init; }

    /// <summary>Surcharge × quantity in 元, rounded to 分 half away from zero; null without a quantity.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The candidate applied (policy, version, hash, clause); null unless <see cref="QuoteStatus.Applies"/>.</summary>
    public RateCandidate? Applied { get; init; }

    /// <summary>Every row of every table in force, in policy id then file order; surcharges never stack.</summary>
    public required IReadOnlyList<RateCandidate> Candidates { get; init; }

    /// <summary>One sentence a bill can print.</summary>
    public required string Explanation { get; init; }
}

/// <summary>The answer to a <see cref="TaxReliefQuery"/>.</summary>
public sealed record TaxReliefQuote
{
    /// <summary>The query answered.</summary>
    public required TaxReliefQuery Query { get; init; }

    /// <summary>What was found.</summary>
    public required QuoteStatus Status { get; init; }

    /// <summary>The rating used; null when none is in force.</summary>
    public RatingFact? Rating { get; init; }

    /// <summary>Percent of the land-use tax relieved (0 unless <see cref="QuoteStatus.Applies"/>).</summary>
    public required decimal ReliefPercent { get; init; }

    /// <summary>Assessed tax × percent in 元, rounded to 分 half away from zero; null without an assessed tax.</summary>
    public decimal? ReliefAmount { get; init; }

    /// <summary>The candidate applied; null unless <see cref="QuoteStatus.Applies"/>.</summary>
    public RateCandidate? Applied { get; init; }

    /// <summary>Every row of every table in force; reliefs never stack.</summary>
    public required IReadOnlyList<RateCandidate> Candidates { get; init; }

    /// <summary>One sentence.</summary>
    public required string Explanation { get; init; }
}

/// <summary>Stable codes for the policy enums.</summary>
public static partial class PolicyCodes
{
    /// <summary>"APPLIES", "NONE_APPLIES", "NO_RATING_IN_FORCE" or "NO_POLICY_IN_FORCE".</summary>
    public static string Code(this QuoteStatus status) => status switch
    {
        QuoteStatus.Applies => "APPLIES",
        QuoteStatus.NoneApplies => "NONE_APPLIES",
        QuoteStatus.NoRatingInForce => "NO_RATING_IN_FORCE",
        _ => "NO_POLICY_IN_FORCE",
    };
}

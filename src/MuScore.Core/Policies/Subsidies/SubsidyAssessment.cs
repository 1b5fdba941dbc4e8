namespace MuScore.Core.Policies;

/// <summary>The subsidy office's answer.</summary>
public enum SubsidyOutcome
{
    /// <summary>Entitled: the amount or entitlements apply.</summary>
    Eligible,

    /// <summary>Not entitled: a rule failed or no tier's conditions are met.</summary>
    NotEligible,

    /// <summary>No rule failed, but the class cannot be read from published data: a person must review it. Amounts are shown as they would be.</summary>
    Review,

    /// <summary>No rule of this kind is in force for the region on the date.</summary>
    NoPolicyInForce,
}

/// <summary>A non-money entitlement (or a money figure beside the amount), e.g. the raised office/living land share.</summary>
/// <param name="Code">Stable snake_case code, e.g. <c>office_living_land_percent_max</c>.</param>
/// <param name="Value">The figure, when there is one.</param>
/// <param name="Unit">Its unit, e.g. <c>%</c> or <c>亩</c>.</param>
/// <param name="Description">One sentence.</param>
public sealed record Entitlement(string Code, decimal? Value, string? Unit, string Description);

/// <summary>The answer to a <see cref="SubsidyRequest"/>.</summary>
public sealed record SubsidyAssessment
{
    /// <summary>The rule assessed.</summary>
    public required SubsidyKind Kind { get; init; }

    /// <summary>ELIGIBLE, NOT_ELIGIBLE, REVIEW or NO_POLICY_IN_FORCE.</summary>
    public required SubsidyOutcome Outcome { get; init; }

    /// <summary>The request assessed.</summary>
    public required SubsidyRequest Request { get; init; }

    /// <summary>The rating used; null when none was given.</summary>
    public RatingFact? Rating { get; init; }

    /// <summary>The policy applied; null when none is in force.</summary>
    public PolicyRef? Policy { get; init; }

    /// <summary>The money amount in 元 after the cap, rounded to 分 half away from zero; null for rules that grant no money or when nothing is due.</summary>
    public decimal? AmountYuan { get; init; }

    /// <summary>The amount before the cap, 元.</summary>
    public decimal? UncappedAmountYuan { get; init; }

    /// <summary>The cap applied, 元; null when the rule sets none.</summary>
    public decimal? CapYuan { get; init; }

    /// <summary>Entitlements beyond money (land share, quotas); empty when none.</summary>
    public required IReadOnlyList<Entitlement> Entitlements { get; init; }

    /// <summary>Every rule evaluated, with reasons and clause citations.</summary>
    public required IReadOnlyList<RuleResult> Rules { get; init; }

    /// <summary>One sentence.</summary>
    public required string Summary { get; init; }
}

/// <summary>Stable codes for the policy enums.</summary>
public static partial class PolicyCodes
{
    /// <summary>"ELIGIBLE", "NOT_ELIGIBLE", "REVIEW" or "NO_POLICY_IN_FORCE".</summary>
    public static string Code(this SubsidyOutcome outcome) => outcome switch
    {
        SubsidyOutcome.Eligible => "ELIGIBLE",
        SubsidyOutcome.NotEligible => "NOT_ELIGIBLE",
        SubsidyOutcome.Review => "REVIEW",
        _ => "NO_POLICY_IN_FORCE",
    };

    /// <summary>The policy file token, e.g. "equipment_renovation".</summary>
    public static string Code(this SubsidyKind kind) => PolicyJsonTokens.TokenOf(PolicyJsonTokens.SubsidyKinds, kind);
}

namespace MuScore.Core.Policies;

/// <summary>How one rule came out.</summary>
public enum RuleStatus
{
    /// <summary>The rule holds.</summary>
    Passed,

    /// <summary>The rule is broken.</summary>
    Failed,

    /// <summary>The rule does not concern this request (another transfer kind, another tier).</summary>
    NotApplicable,

    /// <summary>The rule cannot be decided from published data; a person must review it.</summary>
    NeedsReview,
}

/// <summary>One rule evaluated for an answer: which, how it came out, why, and the clause it applies.</summary>
/// <param name="RuleId">Stable snake_case id, e.g. <c>land_split_min_area</c> (docs/policies.md lists them).</param>
/// <param name="Status">The outcome.</param>
/// <param name="Reason">One sentence saying why, with the figures compared.</param>
/// <param name="Citation">The clause applied, e.g. <c>临政发〔2022〕22号 (七)</c>.</param>
public sealed record RuleResult(string RuleId, RuleStatus Status, string Reason, string Citation);

/// <summary>Stable codes for the policy enums.</summary>
public static partial class PolicyCodes
{
    /// <summary>"PASSED", "FAILED", "NOT_APPLICABLE" or "REVIEW".</summary>
    public static string Code(this RuleStatus status) => status switch
    {
        RuleStatus.Passed => "PASSED",
        RuleStatus.Failed => "FAILED",
        RuleStatus.NotApplicable => "NOT_APPLICABLE",
        _ => "REVIEW",
    };
}

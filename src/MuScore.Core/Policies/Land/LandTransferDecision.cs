namespace MuScore.Core.Policies;

/// <summary>The land bureau's answer.</summary>
public enum LandOutcome
{
    /// <summary>Every rule passed or does not apply.</summary>
    Allow,

    /// <summary>At least one rule failed.</summary>
    Deny,

    /// <summary>No rule failed but one needs a person (e.g. the receiver has no rating in the previous year's evaluation).</summary>
    Review,
}

/// <summary>An obligation the receiver takes on with a 标准地 parcel.</summary>
/// <param name="ParcelId">The parcel.</param>
/// <param name="Indicator">The original indicator.</param>
/// <param name="Text">The obligation as a sentence.</param>
public sealed record LandObligation(string ParcelId, StandardLandIndicator Indicator, string Text);

/// <summary>The answer to a <see cref="LandTransferRequest"/>.</summary>
public sealed record LandTransferDecision
{
    /// <summary>ALLOW, DENY or REVIEW.</summary>
    public required LandOutcome Outcome { get; init; }

    /// <summary>The request decided.</summary>
    public required LandTransferRequest Request { get; init; }

    /// <summary>The receiver's rating in the previous year's evaluation, as used; null when there is none.</summary>
    public RatingFact? ReceiverRating { get; init; }

    /// <summary>The policy applied (id, version, hash, source).</summary>
    public required PolicyRef Policy { get; init; }

    /// <summary>Every rule, in a fixed order, including those that do not apply to this kind.</summary>
    public required IReadOnlyList<RuleResult> Rules { get; init; }

    /// <summary>Merge only: the merged parcel's term end date (the earliest), when terms were given as dates.</summary>
    public DateOnly? MergedTermEndDate { get; init; }

    /// <summary>Merge only: the merged parcel's remaining term in years (the shortest), when terms were given in years.</summary>
    public decimal? MergedRemainingTermYears { get; init; }

    /// <summary>What the receiver is bound to by 标准地 parcels (empty when none).</summary>
    public required IReadOnlyList<LandObligation> Obligations { get; init; }

    /// <summary>One sentence: the outcome and the rules that decided it.</summary>
    public required string Summary { get; init; }
}

/// <summary>Stable codes for the policy enums.</summary>
public static partial class PolicyCodes
{
    /// <summary>"WHOLE", "SPLIT" or "MERGE".</summary>
    public static string Code(this TransferKind kind) => kind switch
    {
        TransferKind.Whole => "WHOLE",
        TransferKind.Split => "SPLIT",
        _ => "MERGE",
    };

    /// <summary>"ALLOW", "DENY" or "REVIEW".</summary>
    public static string Code(this LandOutcome outcome) => outcome switch
    {
        LandOutcome.Allow => "ALLOW",
        LandOutcome.Deny => "DENY",
        _ => "REVIEW",
    };
}

namespace MuScore.Server.Options;

/// <summary>The review workflow (section <c>MuScore:Review</c>, docs/review.md).</summary>
public sealed class ReviewOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "MuScore:Review";

    /// <summary>The full key of <see cref="Required"/>, named in the error PublishRun gives when it is set.</summary>
    public const string RequiredKey = Section + ":" + nameof(Required);

    /// <summary>
    /// When true, PublishRun is refused (FAILED_PRECONDITION, REVIEW_REQUIRED) and a result reaches
    /// consumers only through ReviewService.FinalizeRun, after its notice and objections. Default
    /// false: deployments without the review keep publishing as before.
    /// </summary>
    public bool Required { get; set; }

    /// <summary>
    /// A holiday calendar file (JSON: years, holidays, workdays; docs/review.md) replacing the
    /// built-in 2025 and 2026 Chinese public holidays. Empty for the built-in one.
    /// </summary>
    public string? Calendar { get; set; }
}

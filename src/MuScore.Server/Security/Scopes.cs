namespace MuScore.Server.Security;

/// <summary>
/// The OAuth 2.0 scopes a caller may hold (docs/security.md). Each RPC needs exactly one; a
/// method no scope names is refused (deny by default).
/// </summary>
public static class Scopes
{
    /// <summary>GetRating, BatchGetRatings, ListRatings: classes, scores and ranks, no figures.</summary>
    public const string RatingsRead = "ratings:read";

    /// <summary>Reported figures, item values and benchmarks on top of whatever else the caller may read.</summary>
    public const string RatingsFigures = "ratings:figures";

    /// <summary>SubmitRun, GetRun, ListRuns.</summary>
    public const string RunsSubmit = "runs:submit";

    /// <summary>PublishRun.</summary>
    public const string RunsPublish = "runs:publish";

    /// <summary>Every PolicyService RPC.</summary>
    public const string PolicyQuote = "policy:quote";

    /// <summary>AuditService: the audit log.</summary>
    public const string AuditRead = "audit:read";

    /// <summary>
    /// ReviewService, the office's side: start a notice, list and decide objections, correct a run,
    /// propose adjustments, read a review (docs/review.md).
    /// </summary>
    public const string ReviewManage = "review:manage";

    /// <summary>ReviewService, the second pair of eyes: approve an adjustment, finalize a review.</summary>
    public const string ReviewApprove = "review:approve";

    /// <summary>GetNotice: the draft classes on public notice, without figures.</summary>
    public const string NoticeRead = "notice:read";

    /// <summary>FileObjection; without review:manage, only for the enterprise whose credit code is the caller id.</summary>
    public const string ObjectionsFile = "objections:file";

    /// <summary>Every scope this server knows, in documentation order.</summary>
    public static readonly IReadOnlyList<string> All = [RatingsRead, RatingsFigures, RunsSubmit, RunsPublish, PolicyQuote, AuditRead, ReviewManage, ReviewApprove, NoticeRead, ObjectionsFile];
}

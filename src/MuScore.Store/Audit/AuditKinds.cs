namespace MuScore.Store.Audit;

/// <summary>The kinds of audit entries (<see cref="AuditRecord.Kind"/>); the store writes the first three itself.</summary>
public static class AuditKinds
{
    /// <summary>A run was submitted (stored, or sent again): caller, region, year, run id; detail holds the counts.</summary>
    public const string RunSubmitted = "run.submitted";

    /// <summary>A run became the newest version of its region and year: caller, version, reason if given.</summary>
    public const string RunPublished = "run.published";

    /// <summary>As <see cref="RunPublished"/>, for a rollback (an older or already published run put back), always with a reason.</summary>
    public const string RunRollback = "run.rollback";

    /// <summary>The server refused a call (not allowed, four eyes, rollback without reason); written by the server.</summary>
    public const string CallRefused = "call.refused";

    /// <summary>A server instance started; written by the server.</summary>
    public const string ServerStarted = "server.started";

    /// <summary>Reads per caller and hour, aggregated by the server; detail holds the counts as JSON.</summary>
    public const string ReadsCounted = "reads.counted";

    /// <summary>A run was put on public notice: start and end dates in detail (docs/review.md).</summary>
    public const string NoticeStarted = "notice.started";

    /// <summary>An enterprise objected: the objection id, code and attachment hashes in detail.</summary>
    public const string ObjectionFiled = "objection.filed";

    /// <summary>An objection was upheld or rejected, with the reason.</summary>
    public const string ObjectionDecided = "objection.decided";

    /// <summary>A corrected draft was added to a review's line: the base run in detail.</summary>
    public const string RunCorrected = "run.corrected";

    /// <summary>A class set by hand was proposed, with the reason.</summary>
    public const string AdjustmentProposed = "adjustment.proposed";

    /// <summary>A proposed adjustment was approved by a second caller.</summary>
    public const string AdjustmentApproved = "adjustment.approved";

    /// <summary>A review's draft was published as the final result (after its run.published entry).</summary>
    public const string ReviewFinalized = "review.finalized";

    /// <summary>Every kind the review workflow writes, in docs/audit.md order.</summary>
    public static IReadOnlyList<string> Review { get; } = [NoticeStarted, ObjectionFiled, ObjectionDecided, RunCorrected, AdjustmentProposed, AdjustmentApproved, ReviewFinalized];
}

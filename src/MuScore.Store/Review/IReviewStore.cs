namespace MuScore.Store.Review;

/// <summary>
/// The review workflow's records (docs/review.md). Every write appends its audit entry in the same
/// transaction as the change, and is serialised with publishes of the same region and year.
/// </summary>
public interface IReviewStore
{
    /// <summary>Starts the notice and records its run as draft version 1; <see cref="ReviewOutcome.NoticeExists"/> or <see cref="ReviewOutcome.NotFound"/> (run) otherwise.</summary>
    Task<ReviewResult<Notice>> StartNoticeAsync(Notice notice, CancellationToken cancellationToken);

    /// <summary>The notice of a region and year; null when none was started.</summary>
    Task<Notice?> GetNoticeAsync(string region, int year, CancellationToken cancellationToken);

    /// <summary>The drafts of the line, oldest first.</summary>
    Task<IReadOnlyList<ReviewDraft>> ListDraftsAsync(string region, int year, CancellationToken cancellationToken);

    /// <summary>Keeps a run's submitted records (once: a run id names the same records every time).</summary>
    Task SaveInputsAsync(RunInputs inputs, CancellationToken cancellationToken);

    /// <summary>The submitted records of a run; null when they were not kept.</summary>
    Task<RunInputs?> GetInputsAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Records a correction as the next draft version; <see cref="ReviewOutcome.NoNotice"/> or <see cref="ReviewOutcome.NotInLine"/> (base) otherwise.</summary>
    Task<ReviewResult<ReviewDraft>> AddCorrectionAsync(ReviewDraft draft, CancellationToken cancellationToken);

    /// <summary>Files an objection against the notice's line; <see cref="ReviewOutcome.NoNotice"/> otherwise.</summary>
    Task<ReviewResult<Objection>> FileObjectionAsync(Objection objection, CancellationToken cancellationToken);

    /// <summary>An objection by id; null when unknown.</summary>
    Task<Objection?> GetObjectionAsync(string objectionId, CancellationToken cancellationToken);

    /// <summary>The objections of a region and year (one enterprise's when a code is given), oldest first.</summary>
    Task<IReadOnlyList<Objection>> ListObjectionsAsync(string region, int year, string? creditCode, CancellationToken cancellationToken);

    /// <summary>Decides an open objection; <see cref="ReviewOutcome.NotFound"/> or <see cref="ReviewOutcome.AlreadyDone"/> (with the objection) otherwise.</summary>
    Task<ReviewResult<Objection>> DecideObjectionAsync(string objectionId, ObjectionDecision decision, string reason, string decidedBy, DateTimeOffset decidedAt, CancellationToken cancellationToken);

    /// <summary>Records a proposed adjustment.</summary>
    Task<ReviewResult<Adjustment>> ProposeAdjustmentAsync(Adjustment adjustment, CancellationToken cancellationToken);

    /// <summary>
    /// Approves a proposed adjustment; <see cref="ReviewOutcome.NotFound"/>,
    /// <see cref="ReviewOutcome.AlreadyDone"/> or <see cref="ReviewOutcome.SameAsProposer"/> (four eyes) otherwise.
    /// </summary>
    Task<ReviewResult<Adjustment>> ApproveAdjustmentAsync(string adjustmentId, string approvedBy, DateTimeOffset approvedAt, CancellationToken cancellationToken);

    /// <summary>An adjustment by id; null when unknown.</summary>
    Task<Adjustment?> GetAdjustmentAsync(string adjustmentId, CancellationToken cancellationToken);

    /// <summary>The adjustments of a region and year, oldest first.</summary>
    Task<IReadOnlyList<Adjustment>> ListAdjustmentsAsync(string region, int year, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes <see cref="FinalizeRequest.PublishRunId"/> as the next version of the region and
    /// year and marks the review final, in one transaction with its audit entries (the publish's and
    /// <c>review.finalized</c>), checking under the publish lock that the draft is in the line
    /// (<see cref="ReviewOutcome.NotInLine"/>), the notice has ended
    /// (<see cref="ReviewOutcome.NoticeNotEnded"/>) and no objection is open
    /// (<see cref="ReviewOutcome.ObjectionsOpen"/>).
    /// </summary>
    Task<ReviewResult<Publication>> FinalizeAsync(FinalizeRequest request, CancellationToken cancellationToken);
}

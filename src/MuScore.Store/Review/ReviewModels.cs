using MuScore.Core.Rating;

namespace MuScore.Store.Review;

/// <summary>The public notice (公示) of a region and year: the run shown and its dates (China Standard Time).</summary>
public sealed record Notice(string Region, int Year, string RunId, DateOnly StartDate, DateOnly EndDate, int WorkingDays, string StartedBy, DateTimeOffset StartedAt)
{
    /// <summary>The publication version the review was last finalized as; null before.</summary>
    public int? FinalVersion { get; init; }
}

/// <summary>
/// One draft of a review's line: version 1 is the noticed run, each correction adds one.
/// BaseRunId is the run a correction corrects and Reason why it was made; both null for version 1.
/// </summary>
public sealed record ReviewDraft(string Region, int Year, int DraftVersion, string RunId, string? BaseRunId, string CreatedBy, DateTimeOffset CreatedAt, string? Reason);

/// <summary>Evidence named by its SHA-256 (64 lowercase hex digits).</summary>
public sealed record ObjectionAttachment(string Name, string Sha256, long SizeBytes);

/// <summary>How an objection was decided.</summary>
public enum ObjectionDecision
{
    /// <summary>Not decided yet.</summary>
    Open = 0,

    /// <summary>The objection holds: the office corrects or adjusts.</summary>
    Upheld = 1,

    /// <summary>The objection does not hold.</summary>
    Rejected = 2,
}

/// <summary>
/// An objection (异议) of one enterprise against the noticed result. FiledBy is who filed it as
/// the filer said, FiledByCaller the authenticated caller, RunId the run on notice when filed.
/// </summary>
public sealed record Objection(
    string ObjectionId,
    string Region,
    int Year,
    string CreditCode,
    string RunId,
    string FiledBy,
    string FiledByCaller,
    DateTimeOffset FiledAt,
    string Text,
    IReadOnlyList<ObjectionAttachment> Attachments)
{
    public ObjectionDecision Decision { get; init; }

    public string? DecisionReason { get; init; }

    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }
}

/// <summary>A class set by hand (调档) for one enterprise of a region and year, in force once approved.</summary>
public sealed record Adjustment(string AdjustmentId, string Region, int Year, string CreditCode, RatingClass Class, string Reason, string ProposedBy, DateTimeOffset ProposedAt)
{
    /// <summary>The second person who approved it; null while proposed.</summary>
    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    public bool IsApproved => ApprovedBy is not null;
}

/// <summary>What a review write did.</summary>
public enum ReviewOutcome
{
    /// <summary>Written (and audited).</summary>
    Done,

    /// <summary>The run, objection or adjustment named does not exist.</summary>
    NotFound,

    /// <summary>StartNotice: the region and year already have a notice.</summary>
    NoticeExists,

    /// <summary>The region and year have no notice.</summary>
    NoNotice,

    /// <summary>The objection was already decided, or the adjustment already approved.</summary>
    AlreadyDone,

    /// <summary>ApproveAdjustment: the approver proposed it (four eyes).</summary>
    SameAsProposer,

    /// <summary>Finalize or correct: the run is not a draft of the noticed run's line.</summary>
    NotInLine,

    /// <summary>Finalize: the notice end date has not passed.</summary>
    NoticeNotEnded,

    /// <summary>Finalize: objections are still open.</summary>
    ObjectionsOpen,

    /// <summary>Finalize: publishing the run would be a rollback and no reason was given.</summary>
    RollbackNeedsReason,
}

/// <summary>The outcome of a review write and what it wrote (or found).</summary>
public sealed record ReviewResult<T>(ReviewOutcome Outcome, T? Value)
    where T : class;

/// <summary>
/// A request to publish a draft of a review's line as its final result. DraftRunId is the draft
/// finalized (it must be in the line); PublishRunId the run published: the draft itself, or the
/// stored copy with the approved adjustments applied. Today is the date in China Standard Time
/// (the notice must have ended before it); Reason is needed when the publish is a rollback.
/// </summary>
public sealed record FinalizeRequest(string Region, int Year, string DraftRunId, string PublishRunId, DateOnly Today, DateTimeOffset At, string By, string? Reason);

/// <summary>
/// The records a run was submitted with, kept so that a correction can re-rate them: the header and
/// the records as the service's wire messages (serialized by the server; opaque to the store).
/// </summary>
public sealed record RunInputs(string RunId, byte[] Header, byte[] Records);

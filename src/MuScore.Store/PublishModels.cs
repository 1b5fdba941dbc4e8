namespace MuScore.Store;

/// <summary>A request to make a stored run the newest version of its region and year.</summary>
/// <param name="RunId">The stored run to publish.</param>
/// <param name="PublishedAt">When; stored with the publication and in the audit log.</param>
/// <param name="PublishedBy">The caller id (at most 256 characters).</param>
/// <param name="Reason">
/// Why (at most 1,024 characters); required for a rollback, stored when given otherwise. A blank
/// reason counts as none.
/// </param>
public sealed record PublishRequest(string RunId, DateTimeOffset PublishedAt, string PublishedBy, string? Reason);

/// <summary>What <see cref="IRatingStore.PublishAsync"/> did.</summary>
public enum PublishOutcome
{
    /// <summary>A new version was written (a rollback when <see cref="Publication.IsRollback"/>).</summary>
    Published,

    /// <summary>The newest version already is this run: that publication, unchanged; nothing written.</summary>
    AlreadyNewest,

    /// <summary>No run has the id; nothing written.</summary>
    RunNotFound,

    /// <summary>Publishing the run would be a rollback and no reason was given; nothing written.</summary>
    RollbackNeedsReason,
}

/// <summary>The outcome of a publish.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Publication">
/// The new publication (<see cref="PublishOutcome.Published"/>) or the unchanged newest one
/// (<see cref="PublishOutcome.AlreadyNewest"/>); null otherwise.
/// </param>
/// <param name="Run">
/// The run's metadata (with <see cref="RunInfo.SubmittedBy"/>; no rejected records, no
/// publications); null only for <see cref="PublishOutcome.RunNotFound"/>.
/// </param>
public sealed record PublishResult(PublishOutcome Outcome, Publication? Publication, RunInfo? Run);

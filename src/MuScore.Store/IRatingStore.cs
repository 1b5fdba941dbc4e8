namespace MuScore.Store;

/// <summary>
/// The system of record for rating runs. Drafts are stored whole; publishing makes a stored run
/// the newest version for its region and year in one transaction, so a reader sees the old
/// version or the new one, never half. Nothing published is ever changed in place.
/// Every call honours its cancellation token (deadlines reach the database).
/// </summary>
public interface IRatingStore
{
    /// <summary>
    /// Creates the schema if it is missing, or migrates an older one (version 1 to 2), audit log
    /// included. Idempotent; instances initialising at once do not race.
    /// </summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a draft run with all its ratings, and appends <c>run.submitted</c> to the audit log, in
    /// one transaction. Idempotent on <see cref="DraftRun.RunId"/>: storing the same run again
    /// returns the stored one unchanged (its first submitter kept) and still appends a
    /// <c>run.submitted</c> entry naming who sent it again, in a transaction of its own.
    /// </summary>
    /// <exception cref="ArgumentException">A row cannot be stored, or SubmittedBy is longer than 256 characters.</exception>
    Task<RunInfo> SaveDraftAsync(DraftRun draft, CancellationToken cancellationToken);

    /// <summary>A run by id, with its rejected records and publications; null when unknown.</summary>
    Task<RunInfo?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// A run's metadata by id (region, year, counts, submitter), without its rejected records or
    /// publications: the light lookup a publish checks before it writes. Null when unknown.
    /// </summary>
    Task<RunInfo?> GetRunHeaderAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Runs newest first (by creation time, then id), without rejected records, filtered by <see cref="RunQuery"/>.</summary>
    Task<RunPage> ListRunsAsync(RunQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Publishes a stored run as the next version for its region and year (1, 2, ...), and appends
    /// <c>run.published</c> or <c>run.rollback</c> to the audit log in the same transaction.
    /// Decided inside that transaction, so a concurrent publish cannot slip in between:
    /// <list type="bullet">
    /// <item><see cref="PublishOutcome.RunNotFound"/>: no run has the id.</item>
    /// <item><see cref="PublishOutcome.AlreadyNewest"/>: the newest version already is this run; it is
    /// returned unchanged (a retried publish adds nothing).</item>
    /// <item>A <b>rollback</b> publishes a run that was already published for the region and year,
    /// or one created before the newest version's run (ties: the smaller run id, ordinal, is the
    /// older). Without a reason: <see cref="PublishOutcome.RollbackNeedsReason"/>; with one: a new
    /// version with <see cref="Publication.IsRollback"/> set.</item>
    /// <item>Otherwise <see cref="PublishOutcome.Published"/>.</item>
    /// </list>
    /// Check who may publish (four eyes, regions) with <see cref="GetRunAsync"/> before calling.
    /// </summary>
    /// <exception cref="ArgumentException">PublishedBy is longer than 256 characters or Reason longer than 1,024.</exception>
    Task<PublishResult> PublishAsync(PublishRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The newest publication for a region and year; with no year, the newest publication of the
    /// latest published year of the region. Null when nothing is published.
    /// </summary>
    Task<Publication?> GetLatestPublicationAsync(string region, int? year, CancellationToken cancellationToken);

    /// <summary>
    /// The publication of a region and year in force at <paramref name="before"/>: the highest
    /// version published strictly before that instant. Null when none was. Used for dates before a
    /// year's latest correction, when an earlier version was the one in force.
    /// </summary>
    Task<Publication?> GetPublicationAsOfAsync(string region, int year, DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>The ratings of the given codes in a publication's run (missing codes are absent from the result).</summary>
    Task<IReadOnlyDictionary<string, StoredRating>> GetRatingsAsync(Publication publication, IReadOnlyCollection<string> creditCodes, CancellationToken cancellationToken);

    /// <summary>Every rating of a publication's run that passes the filter, in pool then rank order (EXCLUDED last, by code).</summary>
    IAsyncEnumerable<StoredRating> ListRatingsAsync(Publication publication, RatingFilter filter, CancellationToken cancellationToken);

    /// <summary>
    /// The (region, code, year) → status and class of the newest publication of every year before
    /// <paramref name="beforeYear"/> in a region, for consecutive_d_years.
    /// </summary>
    Task<MuScore.Core.History.RatingHistory> LoadHistoryAsync(string region, int beforeYear, CancellationToken cancellationToken);
}

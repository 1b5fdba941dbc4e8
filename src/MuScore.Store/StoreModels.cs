using MuScore.Core.Rating;

namespace MuScore.Store;

/// <summary>A rated (or excluded) enterprise as stored with its run.</summary>
public sealed record StoredRating
{
    public required string CreditCode { get; init; }
    public string? Name { get; init; }
    public required string Region { get; init; }
    public required int Year { get; init; }
    public required string Industry { get; init; }
    public required string Scale { get; init; }
    public required RowStatus Status { get; init; }
    public IReadOnlyList<string> ExclusionReasons { get; init; } = [];
    public required decimal LandMu { get; init; }

    /// <summary>The two-digit GB/T 4754 division of <see cref="Industry"/>; 0 when unknown (ratings stored before payload format 2).</summary>
    public int Division { get; init; }

    /// <summary>The figures the enterprise reported; null only for ratings stored before payload format 2.</summary>
    public ReportedFigures? Figures { get; init; }

    /// <summary>The rating (RATED only).</summary>
    public EnterpriseRating? Rating { get; init; }

    /// <summary>
    /// The approved adjustment (调档) that set <see cref="EnterpriseRating.Class"/> by hand; null when
    /// the class is the computed one (docs/review.md).
    /// </summary>
    public RatingAdjustment? Adjustment { get; init; }
}

/// <summary>A class set by hand on a stored rating: the class computed before, why, and the two people.</summary>
public sealed record RatingAdjustment(RatingClass ComputedClass, string Reason, string ProposedBy, string ApprovedBy, DateTimeOffset ApprovedAt, string AdjustmentId);

/// <summary>
/// Figures an enterprise reported for the year, exact decimals as submitted (scale kept), so lists
/// and region summaries can be drawn from a publication and a rating can be audited.
/// </summary>
/// <param name="TaxWan">Taxes actually paid, 万元.</param>
/// <param name="RevenueWan">Revenue, 万元; null when not reported.</param>
/// <param name="ValueAddedWan">Industrial value added, 万元 (may be negative); null when not reported.</param>
/// <param name="Employees">Annual average employees; null when not reported.</param>
public sealed record ReportedFigures(decimal TaxWan, decimal? RevenueWan, decimal? ValueAddedWan, decimal? Employees);

/// <summary>A rejected (INVALID) record of a run and its reasons.</summary>
public sealed record RejectedRecord(int RecordNumber, string? CreditCode, IReadOnlyList<RecordViolation> Violations);

/// <summary>One reason a record was rejected.</summary>
public sealed record RecordViolation(string Field, string Rule, string Description);

/// <summary>Size and class counts of one pool of a run.</summary>
public sealed record PoolCounts(string Pool, int Size, int A, int B, int C, int D);

/// <summary>One publication: a run made the result for its region and year as a version.</summary>
public sealed record Publication(string Region, int Year, int Version, string RunId, DateTimeOffset PublishedAt)
{
    /// <summary>Who published it (the caller id); empty for publications stored before schema version 2.</summary>
    public string PublishedBy { get; init; } = string.Empty;

    /// <summary>Why, as the publisher wrote it; null when none was given. Every rollback has one.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// Whether this version put back a run older than the one it replaced, or one already published
    /// for the region and year (<see cref="IRatingStore.PublishAsync"/> defines it).
    /// </summary>
    public bool IsRollback { get; init; }
}

/// <summary>A run to store: its metadata, counts, rejected records and every rating.</summary>
public sealed record DraftRun
{
    public required string RunId { get; init; }
    public required string Region { get; init; }
    public required int Year { get; init; }
    public required string SchemeId { get; init; }
    public required string SchemeVersion { get; init; }
    public required string SchemeHash { get; init; }
    public required string InputHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// Who submitted it (the caller id, at most 256 characters). Recorded with the run when it is
    /// first stored and in the audit log on every submission.
    /// </summary>
    public required string SubmittedBy { get; init; }

    public required int RecordCount { get; init; }
    public required IReadOnlyList<PoolCounts> Pools { get; init; }
    public required IReadOnlyList<RejectedRecord> Rejected { get; init; }
    public required IReadOnlyList<StoredRating> Ratings { get; init; }
}

/// <summary>A stored run's metadata.</summary>
public sealed record RunInfo
{
    public required string RunId { get; init; }
    public required string Region { get; init; }
    public required int Year { get; init; }
    public required string SchemeId { get; init; }
    public required string SchemeVersion { get; init; }
    public required string SchemeHash { get; init; }
    public required string InputHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required int RecordCount { get; init; }
    public required int RatedCount { get; init; }
    public required int ExcludedCount { get; init; }
    public required int RejectedCount { get; init; }
    public required IReadOnlyList<PoolCounts> Pools { get; init; }

    /// <summary>Who first submitted the run; empty for runs stored before schema version 2.</summary>
    public string SubmittedBy { get; init; } = string.Empty;

    /// <summary>Rejected records (GetRun only; empty in listings).</summary>
    public IReadOnlyList<RejectedRecord> Rejected { get; init; } = [];

    /// <summary>Publications of this run, oldest first; empty for a draft never published.</summary>
    public IReadOnlyList<Publication> Publications { get; init; } = [];
}

/// <summary>A filter over runs.</summary>
/// <param name="Region">Only this region; null for all.</param>
/// <param name="Year">Only this year; null for all.</param>
/// <param name="PageSize">At most this many (1..500).</param>
/// <param name="PageToken">Opaque continuation from <see cref="RunPage.NextPageToken"/>; null for the first page.</param>
/// <param name="RegionPrefixes">
/// Only runs whose region starts with one of these (the regions a caller may see). Null, or a list
/// holding "*", means no restriction; an empty list matches no run.
/// </param>
public sealed record RunQuery(string? Region, int? Year, int PageSize, string? PageToken, IReadOnlyList<string>? RegionPrefixes = null);

/// <summary>One page of runs.</summary>
public sealed record RunPage(IReadOnlyList<RunInfo> Runs, string? NextPageToken);

/// <summary>A filter over a publication's ratings; empty lists mean "all".</summary>
/// <param name="Pools">Only these pools.</param>
/// <param name="Classes">Only these classes (excludes EXCLUDED rows when non-empty).</param>
/// <param name="IndustryPrefixes">Only industries starting with one of these (a leading section letter is ignored on both sides).</param>
public sealed record RatingFilter(IReadOnlyList<string> Pools, IReadOnlyList<RatingClass> Classes, IReadOnlyList<string> IndustryPrefixes);

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MuScore.Core.Rating;
using MuScore.Core.Records;

namespace MuScore.Store;

/// <summary>Turns a core <see cref="RatingRun"/> into the <see cref="DraftRun"/> the store keeps.</summary>
public static class DraftRunBuilder
{
    /// <summary>The rule of a row that belongs to another region than the run's.</summary>
    public const string OtherRegionRule = "other_region";

    /// <summary>
    /// The draft of one region and year: RATED and EXCLUDED rows become <see cref="StoredRating"/>s
    /// (in input order, with their division and the figures they reported), INVALID rows become
    /// <see cref="RejectedRecord"/>s, pool counts are the run's pools of that region. A row of another region (the server rejects such uploads, so
    /// this is a safety net) is rejected with rule <see cref="OtherRegionRule"/>.
    /// </summary>
    /// <remarks>
    /// A rejected record's number is its 1-based position among the data records
    /// (<see cref="RowOutcome.RowNumber"/> − 1, since row numbers count the header as row 1).
    /// </remarks>
    /// <param name="run">The core run.</param>
    /// <param name="region">The run's region.</param>
    /// <param name="year">The run's year.</param>
    /// <param name="createdAt">When it was submitted.</param>
    /// <param name="submittedBy">Who submitted it (the caller id).</param>
    /// <exception cref="ArgumentException">The run is of another year, or rated another single region.</exception>
    public static DraftRun From(RatingRun run, string region, int year, DateTimeOffset createdAt, string submittedBy)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(submittedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        if (run.Year != year)
        {
            throw new ArgumentException($"the run rates year {run.Year}, not {year}", nameof(year));
        }

        if (run.Region is not null && run.Region != region)
        {
            throw new ArgumentException($"the run rates region {run.Region}, not {region}", nameof(region));
        }

        // Read from the run's columns, not run.Rows (a RowOutcome built per row on each access);
        // the ratings themselves are built when read (RunRatings says why).
        var results = run.Results;
        var kept = new int[results.Count];
        var keptCount = 0;
        var rejected = new List<RejectedRecord>();
        for (var row = 0; row < results.Count; row++)
        {
            if (Kept(results, row, region))
            {
                kept[keptCount++] = row;
            }
            else
            {
                rejected.Add(Rejected(results, row, region));
            }
        }

        var ratings = new RunRatings(results, keptCount == kept.Length ? kept : kept[..keptCount], year);

        return new DraftRun
        {
            RunId = RunIdFor(run.InputHash, run.SchemeHash, region, year),
            Region = region,
            Year = year,
            SchemeId = run.SchemeId,
            SchemeVersion = run.SchemeVersion,
            SchemeHash = run.SchemeHash,
            InputHash = run.InputHash,
            CreatedAt = createdAt,
            SubmittedBy = submittedBy,
            RecordCount = results.Count,
            Pools = [.. run.Pools.Where(p => p.Region == region).Select(Counts)],
            Rejected = rejected,
            Ratings = ratings,
        };
    }

    /// <summary>The run id: lower-case hex SHA-256 of "{inputHash}\n{schemeHash}\n{region}\n{year}".</summary>
    public static string RunIdFor(string inputHash, string schemeHash, string region, int year)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{inputHash}\n{schemeHash}\n{region}\n{year}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Whether the draft keeps a row: RATED or EXCLUDED, of the run's region.</summary>
    private static bool Kept(RatingResults results, int row, string region) =>
        results.Record(row) is { } record && record.Region == region && !results.Exclusions(row).Contains(ExclusionReason.OtherRegion);

    private static RejectedRecord Rejected(RatingResults results, int row, string region) =>
        results.Record(row) is { } record
            ? new RejectedRecord(results.RowNumber(row) - 1, results.CreditCode(row), [OtherRegion(record.Region, region)])
            : new RejectedRecord(results.RowNumber(row) - 1, results.CreditCode(row), [.. results.Problems(row).Select(Violation)]);

    /// <summary>The stored form of a row the draft keeps (<see cref="RunRatings"/> builds them when read).</summary>
    internal static StoredRating Stored(RatingResults results, int row, int year)
    {
        var record = results.Record(row)!;
        var status = results.Status(row);
        var exclusions = results.Exclusions(row);
        return new()
        {
            CreditCode = record.CreditCode,
            Name = record.Name,
            Region = record.Region,
            Year = year,
            Industry = record.Industry,
            Scale = record.Scale == Scale.Above ? "ABOVE" : "BELOW",
            Status = status,
            // Most rows are rated, with no reason: the shared empty list, not an empty list each (a million runs to 56 MB).
            ExclusionReasons = exclusions.Count == 0 ? [] : [.. exclusions.Select(e => e.Code())],
            LandMu = record.LandMu,
            Division = record.Division,
            Figures = new ReportedFigures(record.Tax, record.Revenue, record.ValueAdded, record.Employees),
            Rating = status == RowStatus.Rated ? results.Rating(row) : null,
        };
    }

    private static RecordViolation Violation(FieldProblem problem) =>
        new(problem.Field is { } field ? FieldCatalog.NameOf(field) : string.Empty, problem.Rule.Code(), problem.Message);

    private static RecordViolation OtherRegion(string rowRegion, string runRegion) =>
        new(FieldCatalog.NameOf(Field.Region), OtherRegionRule, $"region {rowRegion} is not the run's region {runRegion}");

    private static PoolCounts Counts(PoolSummary pool) =>
        new(pool.Pool, pool.Size, pool.ClassCounts[0], pool.ClassCounts[1], pool.ClassCounts[2], pool.ClassCounts[3]);
}

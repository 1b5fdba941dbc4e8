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

        var ratings = new List<StoredRating>(run.Rows.Count);
        var rejected = new List<RejectedRecord>();
        foreach (var row in run.Rows)
        {
            if (row.Status == RowStatus.Invalid || row.Record is not { } record)
            {
                rejected.Add(new RejectedRecord(row.RowNumber - 1, row.CreditCode, [.. row.Problems.Select(Violation)]));
            }
            else if (record.Region != region || row.Exclusions.Contains(ExclusionReason.OtherRegion))
            {
                rejected.Add(new RejectedRecord(row.RowNumber - 1, row.CreditCode, [OtherRegion(record.Region, region)]));
            }
            else
            {
                ratings.Add(Stored(row, record, year));
            }
        }

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
            RecordCount = run.Rows.Count,
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

    private static StoredRating Stored(RowOutcome row, EnterpriseRecord record, int year) => new()
    {
        CreditCode = record.CreditCode,
        Name = record.Name,
        Region = record.Region,
        Year = year,
        Industry = record.Industry,
        Scale = record.Scale == Scale.Above ? "ABOVE" : "BELOW",
        Status = row.Status,
        // Most rows are rated, with no reason: the shared empty list, not an empty list each (a million runs to 56 MB).
        ExclusionReasons = row.Exclusions.Count == 0 ? [] : [.. row.Exclusions.Select(e => e.Code())],
        LandMu = record.LandMu,
        Division = record.Division,
        Figures = new ReportedFigures(record.Tax, record.Revenue, record.ValueAdded, record.Employees),
        Rating = row.Rating,
    };

    private static RecordViolation Violation(FieldProblem problem) =>
        new(problem.Field is { } field ? FieldCatalog.NameOf(field) : string.Empty, problem.Rule.Code(), problem.Message);

    private static RecordViolation OtherRegion(string rowRegion, string runRegion) =>
        new(FieldCatalog.NameOf(Field.Region), OtherRegionRule, $"region {rowRegion} is not the run's region {runRegion}");

    private static PoolCounts Counts(PoolSummary pool) =>
        new(pool.Pool, pool.Size, pool.ClassCounts[0], pool.ClassCounts[1], pool.ClassCounts[2], pool.ClassCounts[3]);
}

using System.Data.Common;

namespace MuScore.Store.Sql;

/// <summary>Maps run and publication rows to the store's models.</summary>
internal static class RunRows
{
    /// <summary>The columns <see cref="ReadRun"/> expects, in order; "rejected" is appended when wanted.</summary>
    public const string RunColumns =
        "run_id, region, year, scheme_id, scheme_version, scheme_hash, input_hash, created_at, " +
        "record_count, rated_count, excluded_count, rejected_count, pools, submitted_by";

    /// <summary>The columns <see cref="ReadPublication"/> expects, in order.</summary>
    public const string PublicationColumns = "region, year, version, run_id, published_at, published_by, reason, is_rollback";

    public static RunInfo ReadRun(DbDataReader reader, bool withRejected) => new()
    {
        RunId = reader.GetString(0),
        Region = reader.GetString(1),
        Year = reader.GetInt32(2),
        SchemeId = reader.GetString(3),
        SchemeVersion = reader.GetString(4),
        SchemeHash = reader.GetString(5),
        InputHash = reader.GetString(6),
        CreatedAt = FromTicks(reader.GetInt64(7)),
        RecordCount = reader.GetInt32(8),
        RatedCount = reader.GetInt32(9),
        ExcludedCount = reader.GetInt32(10),
        RejectedCount = reader.GetInt32(11),
        Pools = RunJson.ReadPools(reader.GetString(12)),
        SubmittedBy = reader.GetString(13),
        Rejected = withRejected ? RunJson.ReadRejected(reader.GetString(14)) : [],
    };

    /// <summary>The parameters of both providers' run INSERT, from a draft.</summary>
    public static (string Name, object? Value)[] InsertParameters(DraftRun draft, int rated, int excluded) =>
        [
            ("@run", draft.RunId),
            ("@region", draft.Region),
            ("@year", draft.Year),
            ("@scheme_id", draft.SchemeId),
            ("@scheme_version", draft.SchemeVersion),
            ("@scheme_hash", draft.SchemeHash),
            ("@input_hash", draft.InputHash),
            ("@created_at", draft.CreatedAt.UtcTicks),
            ("@record_count", draft.RecordCount),
            ("@rated_count", rated),
            ("@excluded_count", excluded),
            ("@rejected_count", draft.Rejected.Count),
            ("@pools", RunJson.WritePools(draft.Pools)),
            ("@submitted_by", draft.SubmittedBy),
            ("@rejected", RunJson.WriteRejected(draft.Rejected)),
        ];

    public static Publication ReadPublication(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt32(1),
        reader.GetInt32(2),
        reader.GetString(3),
        FromTicks(reader.GetInt64(4)))
    {
        PublishedBy = reader.GetString(5),
        Reason = reader.IsDBNull(6) ? null : reader.GetString(6),
        IsRollback = reader.GetBoolean(7),
    };

    /// <summary>The run as stored from a draft, before any publication.</summary>
    public static RunInfo FromDraft(DraftRun draft, int rated, int excluded) => new()
    {
        RunId = draft.RunId,
        Region = draft.Region,
        Year = draft.Year,
        SchemeId = draft.SchemeId,
        SchemeVersion = draft.SchemeVersion,
        SchemeHash = draft.SchemeHash,
        InputHash = draft.InputHash,
        CreatedAt = FromTicks(draft.CreatedAt.UtcTicks),
        RecordCount = draft.RecordCount,
        RatedCount = rated,
        ExcludedCount = excluded,
        RejectedCount = draft.Rejected.Count,
        Pools = draft.Pools,
        SubmittedBy = draft.SubmittedBy,
        Rejected = draft.Rejected,
    };

    /// <summary>Times are stored as UTC ticks (exact to 100 ns) and read back in UTC.</summary>
    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>The counts a draft's ratings give; also rejects rows that cannot be stored.</summary>
    public static (int Rated, int Excluded) Count(DraftRun draft)
    {
        var rated = 0;
        if (draft.Ratings is RunRatings run)
        {
            // Built from a run, every rating can be stored: RATED with its rating, or EXCLUDED.
            for (var i = 0; i < run.Count; i++)
            {
                rated += run.IsRated(i) ? 1 : 0;
            }

            return (rated, run.Count - rated);
        }

        foreach (var rating in draft.Ratings)
        {
            if (RatingColumns.Status(rating) == RatingColumns.Rated)
            {
                rated++;
            }
        }

        return (rated, draft.Ratings.Count - rated);
    }
}

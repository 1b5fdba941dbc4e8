using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MuScore.Core.Rating;
using MuScore.Store;
using MuScore.Store.Review;

namespace MuScore.Server.Review;

/// <summary>
/// Applies a review's approved adjustments (调档) to a draft's ratings. The newest approved
/// adjustment of an enterprise wins; only RATED enterprises have a class to set. Ranks, scores and
/// the other enterprises stay as computed: a class set by hand is an override, not a re-rating.
/// </summary>
internal static class AdjustedRun
{
    /// <summary>The approved adjustment in force per credit code (the newest approved one).</summary>
    public static Dictionary<string, Adjustment> InForce(IEnumerable<Adjustment> adjustments)
    {
        var inForce = new Dictionary<string, Adjustment>(StringComparer.Ordinal);
        foreach (var adjustment in adjustments.Where(a => a.IsApproved).OrderBy(a => a.ApprovedAt).ThenBy(a => a.AdjustmentId, StringComparer.Ordinal))
        {
            inForce[adjustment.CreditCode] = adjustment;
        }

        return inForce;
    }

    /// <summary>The rating with the adjustment applied, or unchanged when none applies.</summary>
    public static StoredRating Apply(StoredRating stored, IReadOnlyDictionary<string, Adjustment> inForce)
    {
        if (stored.Rating is not { } rating || !inForce.TryGetValue(stored.CreditCode, out var adjustment))
        {
            return stored;
        }

        return stored with
        {
            // The gap to the next class measures the computed class; it means nothing for one set by hand.
            Rating = rating with { Class = adjustment.Class, GapToNextClass = null },
            Adjustment = new RatingAdjustment(rating.Class, adjustment.Reason, adjustment.ProposedBy, adjustment.ApprovedBy!, adjustment.ApprovedAt!.Value, adjustment.AdjustmentId),
        };
    }

    /// <summary>
    /// The draft to publish: the run itself (null) when no adjustment applies to it, else a copy
    /// with the adjusted classes and pool counts, whose id is derived from the run's and the
    /// adjustments' (the same draft and adjustments always give the same run id).
    /// </summary>
    public static DraftRun? Build(RunInfo run, IReadOnlyList<StoredRating> ratings, IReadOnlyDictionary<string, Adjustment> inForce, DateTimeOffset createdAt, string createdBy)
    {
        var applied = ratings.Where(r => r.Rating is not null && inForce.ContainsKey(r.CreditCode)).Select(r => inForce[r.CreditCode]).OrderBy(a => a.CreditCode, StringComparer.Ordinal).ToList();
        if (applied.Count == 0)
        {
            return null;
        }

        var adjusted = ratings.Select(r => Apply(r, inForce)).ToList();
        var text = new StringBuilder(run.RunId);
        foreach (var a in applied)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{a.CreditCode}\t{a.Class}\t{a.AdjustmentId}");
        }

        return new DraftRun
        {
            RunId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))),
            Region = run.Region,
            Year = run.Year,
            SchemeId = run.SchemeId,
            SchemeVersion = run.SchemeVersion,
            SchemeHash = run.SchemeHash,
            InputHash = run.InputHash,
            CreatedAt = createdAt,
            SubmittedBy = createdBy,
            RecordCount = run.RecordCount,
            Pools = [.. run.Pools.Select(p => Counts(p, adjusted))],
            Rejected = run.Rejected,
            Ratings = adjusted,
        };
    }

    private static PoolCounts Counts(PoolCounts pool, List<StoredRating> ratings)
    {
        var classes = ratings.Where(r => r.Rating?.Pool == pool.Pool).Select(r => r.Rating!.Class).ToList();
        return pool with
        {
            A = classes.Count(c => c == RatingClass.A),
            B = classes.Count(c => c == RatingClass.B),
            C = classes.Count(c => c == RatingClass.C),
            D = classes.Count(c => c == RatingClass.D),
        };
    }
}

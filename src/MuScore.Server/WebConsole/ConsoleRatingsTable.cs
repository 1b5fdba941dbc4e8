using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Schemes;
using MuScore.Ingest;
using MuScore.Store;

namespace MuScore.Server.WebConsole;

/// <summary>
/// A stored run as the rows of <c>muscore rate</c>'s ratings.xlsx: the same <see cref="RatingsTableLayout"/>,
/// filled from the stored ratings. The row column numbers the run's stored enterprises in the
/// store's order (the upload's row numbers are not kept), rejected records are not stored and so
/// not listed (the run view lists them).
/// </summary>
internal static class ConsoleRatingsTable
{
    /// <summary>The layout of <paramref name="run"/>: its preset scheme's indicators when the hash names one, else those its ratings carry.</summary>
    public static RatingsTableLayout LayoutOf(RunInfo run, IReadOnlyList<StoredRating> ratings)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(ratings);
        var stamp = new RatingRun
        {
            SchemeId = run.SchemeId,
            SchemeVersion = run.SchemeVersion,
            SchemeHash = run.SchemeHash,
            InputHash = run.InputHash,
            Year = run.Year,
            Region = run.Region,
            Rows = [],
            Pools = [],
        };
        return new RatingsTableLayout(IndicatorsOf(run, ratings), stamp);
    }

    /// <summary>One stored rating as a table row.</summary>
    public static RatingsTableRow RowOf(StoredRating stored, int rowNumber)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var reason = stored.Status == RowStatus.Excluded ? string.Join(" | ", stored.ExclusionReasons) : string.Empty;
        return new RatingsTableRow(rowNumber, stored.Status, reason, stored.CreditCode, stored.Name, stored.Region, stored.Industry, stored.Scale, stored.LandMu, stored.Rating);
    }

    private static IReadOnlyList<Indicator> IndicatorsOf(RunInfo run, IReadOnlyList<StoredRating> ratings)
    {
        foreach (var name in SchemePresets.Names)
        {
            if (SchemePresets.TryGet(name, out var scheme) && string.Equals(SchemeJson.Hash(scheme), run.SchemeHash, StringComparison.OrdinalIgnoreCase))
            {
                return RatingsTableLayout.IndicatorsOf(scheme);
            }
        }

        // A scheme sent in full with the run: its indicators in the order the ratings carry them.
        return [.. ratings.Where(r => r.Rating is not null).SelectMany(r => r.Rating!.Items).Select(i => i.Indicator).Distinct()];
    }
}

using MuScore.Core.Rating;

namespace MuScore.Core.History;

/// <summary>Earlier years' outcomes, for consecutive_d_years.</summary>
public interface IRatingHistory
{
    /// <summary>The outcome of a credit code in a region and year; null when that year has no row for it.</summary>
    HistoryEntry? Find(string region, string creditCode, int year);
}

/// <summary>One earlier outcome.</summary>
/// <param name="Status">Row status that year.</param>
/// <param name="Class">Class that year (RATED rows only).</param>
public readonly record struct HistoryEntry(RowStatus Status, RatingClass? Class);

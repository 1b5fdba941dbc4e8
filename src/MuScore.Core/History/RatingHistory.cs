using MuScore.Core.Rating;

namespace MuScore.Core.History;

/// <summary>An in-memory <see cref="IRatingHistory"/> filled from earlier results.</summary>
public sealed class RatingHistory : IRatingHistory
{
    private readonly Dictionary<(string Region, string Code, int Year), HistoryEntry> entries = [];

    /// <summary>An empty history.</summary>
    public static IRatingHistory Empty { get; } = new RatingHistory();

    /// <summary>Number of entries.</summary>
    public int Count => entries.Count;

    /// <summary>Records one earlier outcome; a later entry for the same key replaces the earlier.</summary>
    public void Add(string region, string creditCode, int year, RowStatus status, RatingClass? ratingClass) =>
        entries[(region, creditCode, year)] = new HistoryEntry(status, status == RowStatus.Rated ? ratingClass : null);

    /// <inheritdoc/>
    public HistoryEntry? Find(string region, string creditCode, int year) =>
        entries.TryGetValue((region, creditCode, year), out var entry) ? entry : null;

    /// <summary>
    /// consecutive_d_years (docs/method.md §10): 0 unless this year's class is D; else 1 plus the number
    /// of immediately preceding years in which the code was RATED and D in the region.
    /// </summary>
    public static int ConsecutiveDYears(IRatingHistory history, string region, string creditCode, int year, RatingClass current)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (current != RatingClass.D)
        {
            return 0;
        }

        var count = 1;
        for (var y = year - 1; ; y--)
        {
            var entry = history.Find(region, creditCode, y);
            if (entry is not { Status: RowStatus.Rated, Class: RatingClass.D })
            {
                return count;
            }

            count++;
        }
    }
}

namespace MuScore.Reports;

/// <summary>What a report shows, computed once from a year's rating set and, optionally, the year before.</summary>
public sealed record ReportContent
{
    /// <summary>This year.</summary>
    public required RatingSet Current { get; init; }

    /// <summary>Last year's comparison, when a previous set was given.</summary>
    public YearComparison? Comparison { get; init; }

    /// <summary>The lowest-ranked enterprises of each pool, worst first.</summary>
    public required IReadOnlyList<RatedEnterprise> Lowest { get; init; }

    /// <summary>The enterprises of each pool nearest to the next class, with their cards.</summary>
    public required IReadOnlyList<EnterpriseCard> NearestToPromotion { get; init; }

    /// <summary>Computes the content; <paramref name="listSize"/> bounds the per-pool lists.</summary>
    public static ReportContent Build(RatingSet current, RatingSet? previous, int listSize = 10)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(listSize);
        return new ReportContent
        {
            Current = current,
            Comparison = previous is null ? null : YearComparer.Compare(current, previous),
            Lowest = EnterpriseCards.LowestRanked(current, listSize),
            NearestToPromotion = EnterpriseCards.NearestToPromotion(current, listSize),
        };
    }
}

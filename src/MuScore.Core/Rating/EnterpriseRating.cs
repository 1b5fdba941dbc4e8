namespace MuScore.Core.Rating;

/// <summary>The rating of one RATED enterprise (docs/method.md §5–6, §10).</summary>
public sealed record EnterpriseRating
{
    /// <summary>Pool id within the region.</summary>
    public required string Pool { get; init; }

    /// <summary>Evaluated land, 亩, exact.</summary>
    public required decimal LandMu { get; init; }

    /// <summary>Item scores in scheme order.</summary>
    public required ArraySegment<ItemScore> Items { get; init; }

    /// <summary>Bonus points added.</summary>
    public required double Bonus { get; init; }

    /// <summary>Penalty points subtracted.</summary>
    public required double Penalty { get; init; }

    /// <summary>Σ items + bonus − penalty, rounded to 6 decimals half-to-even.</summary>
    public required double Total { get; init; }

    /// <summary>Position among all rated enterprises of the pool, 1 = best.</summary>
    public required int Rank { get; init; }

    /// <summary>Number of rated enterprises in the pool.</summary>
    public required int PoolSize { get; init; }

    /// <summary>100 · rank / pool size.</summary>
    public required double Percentile { get; init; }

    /// <summary>Position in the quota pool; null for overridden enterprises.</summary>
    public int? QuotaRank { get; init; }

    /// <summary>Size of the quota pool (rated minus overridden).</summary>
    public required int QuotaPoolSize { get; init; }

    /// <summary>The class.</summary>
    public required RatingClass Class { get; init; }

    /// <summary>The override that set the class, if any.</summary>
    public required OverrideKind Override { get; init; }

    /// <summary>Points to the next class up (≥ 0); null for A, veto, investment A, or an empty next class.</summary>
    public double? GapToNextClass { get; init; }

    /// <summary>Consecutive evaluated years in D ending with this one; 0 unless D.</summary>
    public required int ConsecutiveDYears { get; init; }
}

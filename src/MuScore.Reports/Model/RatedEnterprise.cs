using MuScore.Core.Indicators;
using MuScore.Core.Rating;

namespace MuScore.Reports;

/// <summary>
/// One RATED enterprise of a rating set, as every source gives it: a ratings.csv row, a published
/// rating read over ListRatings, or an in-memory run.
/// </summary>
public sealed record RatedEnterprise
{
    /// <summary>Unified social credit code.</summary>
    public required string CreditCode { get; init; }

    /// <summary>Enterprise name; may be empty.</summary>
    public required string Name { get; init; }

    /// <summary>Six-digit region.</summary>
    public required string Region { get; init; }

    /// <summary>GB/T 4754 industry code as submitted.</summary>
    public required string Industry { get; init; }

    /// <summary>Evaluated land in 亩; null when the source withheld it (no ratings:figures scope).</summary>
    public decimal? LandMu { get; init; }

    /// <summary>Pool id.</summary>
    public required string Pool { get; init; }

    /// <summary>The pool of this region.</summary>
    public PoolKey PoolKey => new(Region, Pool);

    /// <summary>Rounded total.</summary>
    public required double Total { get; init; }

    /// <summary>Item scores in scheme order.</summary>
    public required IReadOnlyList<ItemScore> Items { get; init; }

    /// <summary>Bonus points.</summary>
    public required double Bonus { get; init; }

    /// <summary>Penalty points.</summary>
    public required double Penalty { get; init; }

    /// <summary>Rank in the pool, 1 = best.</summary>
    public required int Rank { get; init; }

    /// <summary>Rated enterprises in the pool.</summary>
    public required int PoolSize { get; init; }

    /// <summary>100 · rank / pool size.</summary>
    public required double Percentile { get; init; }

    /// <summary>Rank in the quota pool; null when overridden.</summary>
    public int? QuotaRank { get; init; }

    /// <summary>Size of the quota pool.</summary>
    public required int QuotaPoolSize { get; init; }

    /// <summary>The class.</summary>
    public required RatingClass Class { get; init; }

    /// <summary>The override that set the class.</summary>
    public required OverrideKind Override { get; init; }

    /// <summary>Points to the next class up, as rated; null when there is none to reach.</summary>
    public double? GapToNextClass { get; init; }

    /// <summary>Consecutive years in D ending with this one.</summary>
    public required int ConsecutiveDYears { get; init; }

    /// <summary>The item of an indicator, if the pool scores it.</summary>
    public ItemScore? Item(Indicator indicator)
    {
        foreach (var item in Items)
        {
            if (item.Indicator == indicator)
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>The indicator's value, if scored from a reported value.</summary>
    public double? Value(Indicator indicator) => Item(indicator)?.Value;
}

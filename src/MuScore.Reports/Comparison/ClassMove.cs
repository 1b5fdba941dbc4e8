using MuScore.Core.Rating;

namespace MuScore.Reports;

/// <summary>An enterprise rated in both years whose class changed, and why: its items' score changes, largest first.</summary>
/// <param name="Previous">Last year's rating.</param>
/// <param name="Current">This year's rating.</param>
/// <param name="Changes">Item score changes ordered by |delta|, largest first, then scheme order.</param>
public sealed record ClassMove(RatedEnterprise Previous, RatedEnterprise Current, IReadOnlyList<ItemChange> Changes)
{
    /// <summary>Classes moved; positive is up (D → C is +1).</summary>
    public int Steps => Previous.Class - Current.Class;

    /// <summary>This year's total minus last year's.</summary>
    public double TotalDelta => Current.Total - Previous.Total;

    /// <summary>The class last year.</summary>
    public RatingClass From => Previous.Class;

    /// <summary>The class this year.</summary>
    public RatingClass To => Current.Class;
}

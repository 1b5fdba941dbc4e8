using MuScore.Core.Rating;

namespace MuScore.Reports;

/// <summary>
/// An enterprise's standing for one year (企业画像): indicators against benchmarks, item scores,
/// rank and percentile, the gap to the next class and how far each indicator alone would have to
/// rise to close it.
/// </summary>
public sealed record EnterpriseCard
{
    /// <summary>The rating.</summary>
    public required RatedEnterprise Enterprise { get; init; }

    /// <summary>Each scored indicator, in scheme order.</summary>
    public required IReadOnlyList<IndicatorStanding> Standings { get; init; }

    /// <summary>The class above, when there is one to reach (null for A, veto, investment A, or an empty class above).</summary>
    public RatingClass? NextClass { get; init; }

    /// <summary>The cut-off of <see cref="NextClass"/> (lowest total in it, or its threshold).</summary>
    public double? CutOff { get; init; }

    /// <summary>Points short of the cut-off, as rated.</summary>
    public double? Gap { get; init; }

    /// <summary>Whether reaching the cut-off suffices (thresholds, protection) or it must be passed (quota pool).</summary>
    public bool CutOffInclusive { get; init; }

    /// <summary>Per indicator: how far it alone would have to rise; empty when there is no next class.</summary>
    public required IReadOnlyList<IndicatorRise> Rises { get; init; }
}

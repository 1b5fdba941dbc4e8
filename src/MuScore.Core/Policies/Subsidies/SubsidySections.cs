using MuScore.Core.Rating;

namespace MuScore.Core.Policies;

/// <summary>(十一) figures. Rates in 元/m², cap in 万元.</summary>
public sealed record VerticalFactorySection : SubsidySection
{
    /// <inheritdoc/>
    public override SubsidyKind Kind => SubsidyKind.VerticalFactory;

    /// <summary>Classes that get nothing under either tier (D: docs/method.md §1).</summary>
    public required IReadOnlyList<RatingClass> ExcludedClasses { get; init; }

    /// <summary>Tier 1 needs a plot-ratio increase, or a renovated floor-area share, above this percent, exclusive (20).</summary>
    public required decimal MinIncreasePercent { get; init; }

    /// <summary>Tier 1 rate by class (A 60, B 50); a class not listed gets no tier-1 reward.</summary>
    public required IReadOnlyList<RateStep> ClassRates { get; init; }

    /// <summary>Tier 2 rate by floor: a new floor gets the rate of the highest <c>FromFloor</c> not above it (4: 30, 5: 40, 6: 50).</summary>
    public required IReadOnlyList<FloorRate> FloorRates { get; init; }

    /// <summary>Cap per project (100).</summary>
    public required decimal CapWan { get; init; }
}

/// <summary>A tier-2 rate: floors from <paramref name="FromFloor"/> up earn <paramref name="YuanPerM2"/>.</summary>
/// <param name="FromFloor">Lowest floor number (1-based) the rate applies to.</param>
/// <param name="YuanPerM2">元 per m² of new production floor area.</param>
public sealed record FloorRate(int FromFloor, decimal YuanPerM2);

/// <summary>(十四) figures.</summary>
public sealed record DormitoryLandSection : SubsidySection
{
    /// <inheritdoc/>
    public override SubsidyKind Kind => SubsidyKind.DormitoryLand;

    /// <summary>Usual share of office/living land in the project land, percent (7).</summary>
    public required decimal BaseLandPercent { get; init; }

    /// <summary>Raised share, percent (15).</summary>
    public required decimal RaisedLandPercent { get; init; }

    /// <summary>Raised cap on the office/living floor-area share, percent (30).</summary>
    public required decimal RaisedFloorPercent { get; init; }

    /// <summary>Outside parks: least project land, inclusive (50 mu).</summary>
    public required decimal OutsideParkMinMu { get; init; }

    /// <summary>Outside parks: classes allowed (A, B).</summary>
    public required IReadOnlyList<RatingClass> OutsideParkClasses { get; init; }

    /// <summary>Inside parks: classes allowed; null when the clause sets no class condition (it sets none).</summary>
    public IReadOnlyList<RatingClass>? InsideParkClasses { get; init; }
}

/// <summary>(九) figures.</summary>
public sealed record QuotaTransferSection : SubsidySection
{
    /// <inheritdoc/>
    public override SubsidyKind Kind => SubsidyKind.QuotaTransfer;

    /// <summary>Classes of the acquirer in the previous year's evaluation that qualify (A, B).</summary>
    public required IReadOnlyList<RatingClass> AcquirerClasses { get; init; }

    /// <summary>Quotas transferred, e.g. <c>land</c>, <c>energy</c>, <c>discharge</c> (土地、用能、排污).</summary>
    public required IReadOnlyList<string> Quotas { get; init; }
}

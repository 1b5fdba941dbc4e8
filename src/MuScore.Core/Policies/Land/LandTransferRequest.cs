namespace MuScore.Core.Policies;

/// <summary>How industrial land changes hands (seed 004 clause (七)).</summary>
public enum TransferKind
{
    /// <summary>One parcel transferred as it is (整宗转让).</summary>
    Whole,

    /// <summary>One parcel split into several, transferred separately (分割转让).</summary>
    Split,

    /// <summary>Several parcels merged into one and transferred (合并转让).</summary>
    Merge,
}

/// <summary>Where a split puts the parcel's supporting office and living-service land (配套建设的行政办公及生活服务用地).</summary>
public enum OfficeLivingLand
{
    /// <summary>The parcel has none.</summary>
    None,

    /// <summary>It stays whole with one of the resulting parcels.</summary>
    KeptWithOneParcel,

    /// <summary>It is divided among, or split off from, the resulting parcels.</summary>
    Divided,
}

/// <summary>"May this enterprise receive this industrial land?"</summary>
public sealed record LandTransferRequest
{
    /// <summary>The transfer date: selects the rules in force and the previous year's evaluation (year − 1).</summary>
    public required DateOnly TransferDate { get; init; }

    /// <summary>6-digit region of the land.</summary>
    public required string Region { get; init; }

    /// <summary>Credit code of the receiving enterprise (受让方).</summary>
    public required string ReceiverCreditCode { get; init; }

    /// <summary>Whole, split or merge.</summary>
    public required TransferKind Kind { get; init; }

    /// <summary>The parcels transferred: one for whole and split, two or more for merge.</summary>
    public required IReadOnlyList<Parcel> Parcels { get; init; }

    /// <summary>The split plan; required for <see cref="TransferKind.Split"/>, absent otherwise.</summary>
    public SplitPlan? Split { get; init; }

    /// <summary>Every problem with the request; empty when valid.</summary>
    public IReadOnlyList<InputProblem> Validate() => LandRequestValidator.Validate(this);
}

/// <summary>One industrial land parcel (宗地).</summary>
public sealed record Parcel
{
    /// <summary>Parcel id (宗地号), unique in the request.</summary>
    public required string Id { get; init; }

    /// <summary>Area in mu, exact; &gt; 0.</summary>
    public required decimal AreaMu { get; init; }

    /// <summary>Construction completed (已竣工).</summary>
    public bool Completed { get; init; }

    /// <summary>In production (已投产).</summary>
    public bool InProduction { get; init; }

    /// <summary>Already split once (二次分割 is forbidden).</summary>
    public bool SplitBefore { get; init; }

    /// <summary>The result of an earlier merge (合并转让后产权不得分割).</summary>
    public bool MergedBefore { get; init; }

    /// <summary>An industrial real estate project (工业地产): exempt from the parcel-count limit.</summary>
    public bool IndustrialRealEstate { get; init; }

    /// <summary>Ownership type (权属性质), e.g. 国有.</summary>
    public required string OwnershipType { get; init; }

    /// <summary>Use-right type (使用权类型), e.g. 出让 or 划拨.</summary>
    public required string UseRight { get; init; }

    /// <summary>End of the land-use term; give this or <see cref="RemainingTermYears"/> (merges need one, in the same form for every parcel).</summary>
    public DateOnly? TermEndDate { get; init; }

    /// <summary>Remaining term in years; give this or <see cref="TermEndDate"/>.</summary>
    public decimal? RemainingTermYears { get; init; }

    /// <summary>Ids of parcels whose boundary this one shares (界线相邻); adjacency counts if either side lists it.</summary>
    public IReadOnlyList<string> AdjacentParcelIds { get; init; } = [];

    /// <summary>Sold as 标准地: its original indicators bind the receiver.</summary>
    public bool StandardLand { get; init; }

    /// <summary>The original 标准地 indicators (at least one when <see cref="StandardLand"/>).</summary>
    public IReadOnlyList<StandardLandIndicator> StandardLandIndicators { get; init; } = [];
}

/// <summary>One original 标准地 indicator, e.g. 亩均税收 ≥ 30 万元/亩.</summary>
/// <param name="Name">Indicator name, e.g. 亩均税收.</param>
/// <param name="Value">The figure required.</param>
/// <param name="Unit">Its unit, e.g. 万元/亩.</param>
public sealed record StandardLandIndicator(string Name, decimal Value, string Unit);

/// <summary>How a parcel is to be split.</summary>
public sealed record SplitPlan
{
    /// <summary>Area of each resulting parcel, mu, exact; they must add up to the parcel's area. The count is the number of parcels.</summary>
    public required IReadOnlyList<decimal> ResultingAreasMu { get; init; }

    /// <summary>Split along whole buildings (以幢为最小分割单位).</summary>
    public bool ByWholeBuildings { get; init; }

    /// <summary>Where the office and living-service land goes.</summary>
    public OfficeLivingLand OfficeLivingLand { get; init; }
}

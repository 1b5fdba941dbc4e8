using MuScore.Core.Rating;

namespace MuScore.Core.Classification;

/// <summary>Ranks, classes, overrides and gaps of one pool's members, index-aligned with the member list.</summary>
internal sealed class PoolClassification(int n)
{
    public int[] Rank { get; } = new int[n];

    /// <summary>Position in the quota pool; 0 for overridden members.</summary>
    public int[] QuotaRank { get; } = new int[n];

    public RatingClass[] Class { get; } = new RatingClass[n];

    public OverrideKind[] Override { get; } = new OverrideKind[n];

    public double?[] Gap { get; } = new double?[n];

    /// <summary>Lowest rounded total per class in the quota pool (index = class); null for an empty class.</summary>
    public double?[] CutOffs { get; } = new double?[4];

    public int QuotaPoolSize { get; set; }
}

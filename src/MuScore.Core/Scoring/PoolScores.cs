using MuScore.Core.Rating;

namespace MuScore.Core.Scoring;

/// <summary>The scored items and totals of one pool's members, index-aligned with the member list.</summary>
internal sealed class PoolScores(ItemScore[] items, int width, double[] totals, double?[] benchmarks)
{
    /// <summary>Member i's item scores, in scheme order (a view of the pool's block).</summary>
    public ArraySegment<ItemScore> ItemsOf(int i) => new(items, i * width, width);

    /// <summary>Totals per member, rounded to 6 decimals half-to-even.</summary>
    public double[] Totals { get; } = totals;

    /// <summary>Benchmark per indicator in scheme order; null where undefined or under min-max.</summary>
    public double?[] Benchmarks { get; } = benchmarks;
}

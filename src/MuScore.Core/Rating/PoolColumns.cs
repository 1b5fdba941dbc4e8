using MuScore.Core.Indicators;

namespace MuScore.Core.Rating;

/// <summary>
/// One region's pool of rated members as columns, index-aligned with the members (member i's items
/// at i × width … i × width + width − 1). What every member shares (indicators, weights,
/// benchmarks, sizes) is held once here rather than on each row.
/// </summary>
internal sealed class PoolColumns
{
    public PoolColumns(string region, string pool, Indicator[] indicators, double[] weights, int size)
    {
        Region = region;
        Pool = pool;
        Indicators = indicators;
        Weights = weights;
        Benchmarks = new double[indicators.Length];
        Size = size;
        Total = new double[size];
        Gap = new double[size];
        Rank = new int[size];
        QuotaRank = new int[size];
        Class = new RatingClass[size];
        Override = new OverrideKind[size];
        ConsecutiveDYears = new int[size];
        Values = new double[size * indicators.Length];
        Scores = new double[size * indicators.Length];
        Bases = new byte[size * indicators.Length];
    }

    public string Region { get; }

    public string Pool { get; }

    public Indicator[] Indicators { get; }

    public double[] Weights { get; }

    /// <summary>Benchmark per indicator; NaN where undefined (Σdenominator = 0) or under min-max.</summary>
    public double[] Benchmarks { get; }

    public int Width => Indicators.Length;

    public int Size { get; }

    public int QuotaPoolSize { get; set; }

    public double[] Total { get; }

    /// <summary>Points to the next class up; NaN where there is none.</summary>
    public double[] Gap { get; }

    public int[] Rank { get; }

    /// <summary>Position in the quota pool; 0 for overridden members.</summary>
    public int[] QuotaRank { get; }

    public RatingClass[] Class { get; }

    public OverrideKind[] Override { get; }

    public int[] ConsecutiveDYears { get; }

    /// <summary>Item values; NaN when imputed or over a zero denominator.</summary>
    public double[] Values { get; }

    public double[] Scores { get; }

    /// <summary>Item bases as bytes (<see cref="ItemBasis"/> is int-backed: a quarter of the room).</summary>
    public byte[] Bases { get; }
}

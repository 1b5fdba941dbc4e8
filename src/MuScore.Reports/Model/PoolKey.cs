namespace MuScore.Reports;

/// <summary>A pool of one region: scores, ranks and classes are all per pool (docs/method.md §3).</summary>
/// <param name="Region">Six-digit region code.</param>
/// <param name="Pool">Pool id of the scheme, e.g. "ABOVE".</param>
public readonly record struct PoolKey(string Region, string Pool) : IComparable<PoolKey>
{
    /// <summary>Ordinal by region, then pool.</summary>
    public int CompareTo(PoolKey other)
    {
        var byRegion = string.CompareOrdinal(Region, other.Region);
        return byRegion != 0 ? byRegion : string.CompareOrdinal(Pool, other.Pool);
    }

    /// <summary>Ordering operator.</summary>
    public static bool operator <(PoolKey left, PoolKey right) => left.CompareTo(right) < 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator <=(PoolKey left, PoolKey right) => left.CompareTo(right) <= 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator >(PoolKey left, PoolKey right) => left.CompareTo(right) > 0;

    /// <summary>Ordering operator.</summary>
    public static bool operator >=(PoolKey left, PoolKey right) => left.CompareTo(right) >= 0;

    /// <summary>"330481 ABOVE".</summary>
    public override string ToString() => $"{Region} {Pool}";
}

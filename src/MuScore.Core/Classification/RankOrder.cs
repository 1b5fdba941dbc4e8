using MuScore.Core.Rating;

namespace MuScore.Core.Classification;

/// <summary>
/// Pool order (docs/method.md §10): rounded total descending, then tax_per_mu descending compared exactly
/// as tax / land in decimal, then credit code in ordinal order. Total order, so sorting is stable
/// whatever the input order.
/// </summary>
internal readonly struct RankOrder(PoolMembers members) : IComparer<RankOrder.Key>
{
    /// <summary>Pools at least this large sort their two halves on two cores, then merge. Settable for tests.</summary>
    internal static int ParallelMinimum { get; set; } = 65_536;

    /// <summary>Member indices in pool order.</summary>
    public static int[] Sort(double[] totals, PoolMembers members)
    {
        // The total travels with the index so that most comparisons touch one contiguous array;
        // a struct comparer lets the sort inline them.
        var keys = new Key[members.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = new Key(totals[i], i);
        }

        var comparer = new RankOrder(members);
        var order = new int[keys.Length];
        if (keys.Length < ParallelMinimum || Environment.ProcessorCount < 2)
        {
            keys.AsSpan().Sort(comparer);
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = keys[i].Index;
            }

            return order;
        }

        // The order is total (no two members compare equal), so sorting halves and merging gives
        // exactly the order of one sort.
        var half = keys.Length / 2;
        Parallel.Invoke(() => keys.AsSpan(0, half).Sort(comparer), () => keys.AsSpan(half).Sort(comparer));
        Merge(keys, half, comparer, order);
        return order;
    }

    private static void Merge(Key[] keys, int half, RankOrder comparer, int[] order)
    {
        var (a, b) = (0, half);
        for (var o = 0; o < order.Length; o++)
        {
            order[o] = b == keys.Length || (a < half && comparer.Compare(keys[a], keys[b]) < 0)
                ? keys[a++].Index
                : keys[b++].Index;
        }
    }

    public int Compare(Key x, Key y)
    {
        var byTotal = y.Total.CompareTo(x.Total);
        if (byTotal != 0)
        {
            return byTotal;
        }

        // tax_x / land_x vs tax_y / land_y with both lands > 0: compare the cross products exactly.
        var a = members.Record(x.Index);
        var b = members.Record(y.Index);
        var byTax = (b.Tax * members.Land(x.Index)).CompareTo(a.Tax * members.Land(y.Index));
        return byTax != 0 ? byTax : string.CompareOrdinal(a.CreditCode, b.CreditCode);
    }

    /// <summary>A member's rounded total and its index in the pool.</summary>
    internal readonly record struct Key(double Total, int Index);
}

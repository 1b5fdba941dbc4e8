using MuScore.Core.Records;

namespace MuScore.Core.Classification;

/// <summary>
/// Pool order (DOMAIN.md §10): rounded total descending, then tax_per_mu descending compared exactly
/// as tax / land in decimal, then credit code in ordinal order. Total order, so sorting is stable
/// whatever the input order.
/// </summary>
internal sealed class RankOrder(double[] totals, EnterpriseRecord[] members, decimal[] lands) : IComparer<int>
{
    public int Compare(int x, int y)
    {
        var byTotal = totals[y].CompareTo(totals[x]);
        if (byTotal != 0)
        {
            return byTotal;
        }

        // tax_x / land_x vs tax_y / land_y with both lands > 0: compare the cross products exactly.
        var byTax = (members[y].Tax * lands[x]).CompareTo(members[x].Tax * lands[y]);
        return byTax != 0 ? byTax : string.CompareOrdinal(members[x].CreditCode, members[y].CreditCode);
    }

    /// <summary>Member indices in pool order.</summary>
    public static int[] Sort(double[] totals, EnterpriseRecord[] members, decimal[] lands)
    {
        var order = new int[members.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, new RankOrder(totals, members, lands));
        return order;
    }
}

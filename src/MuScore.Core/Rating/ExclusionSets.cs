namespace MuScore.Core.Rating;

/// <summary>
/// Exclusion reasons held as bits (1 &lt;&lt; reason) and read back as shared lists in enum order, the
/// order the scope rules find them in: a million excluded rows need no list each.
/// </summary>
internal static class ExclusionSets
{
    private static readonly ExclusionReason[][] Lists = Build();

    public static int Mask(IEnumerable<ExclusionReason> reasons)
    {
        var mask = 0;
        foreach (var reason in reasons)
        {
            mask |= 1 << (int)reason;
        }

        return mask;
    }

    public static IReadOnlyList<ExclusionReason> Of(int mask) => Lists[mask];

    private static ExclusionReason[][] Build()
    {
        var reasons = Enum.GetValues<ExclusionReason>();
        var lists = new ExclusionReason[1 << reasons.Length][];
        for (var mask = 0; mask < lists.Length; mask++)
        {
            lists[mask] = [.. reasons.Where(r => (mask & (1 << (int)r)) != 0)];
        }

        return lists;
    }
}

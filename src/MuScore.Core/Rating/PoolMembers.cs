using MuScore.Core.Records;

namespace MuScore.Core.Rating;

/// <summary>
/// One pool's members read in place through the group's row indices: a copy of their records and
/// lands per pool was 24 bytes a member of large short-lived arrays, and each such allocation
/// counts toward the full collections a million-row run pays for.
/// </summary>
internal readonly struct PoolMembers(EnterpriseRecord?[] records, decimal[] lands, int[] rows)
{
    public int Count => rows.Length;

    /// <summary>Member <paramref name="i"/>'s record (rated members always have one).</summary>
    public EnterpriseRecord Record(int i) => records[rows[i]]!;

    /// <summary>Member <paramref name="i"/>'s evaluated land.</summary>
    public decimal Land(int i) => lands[rows[i]];
}

using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>
/// MGET split by Redis Cluster hash slot. On a cluster a multi-key command must stay within one
/// slot (the client refuses it otherwise: "Multi-key operations must involve a single slot"). A
/// batch read of one publication is one slot already (the hash tag in <see cref="RedisKeys"/>); the
/// coalescer's batches mix publications, so they are split and the MGETs sent together. On a
/// standalone or sentinel-managed server no key has a slot and it stays one MGET.
/// </summary>
internal static class SlotGroupedGet
{
    public static Task<RedisValue[]> GetAsync(IDatabase database, RedisKey[] keys)
    {
        var groups = Group(keys, database.Multiplexer.GetHashSlot);
        return groups.Count <= 1 ? database.StringGetAsync(keys) : GetGroupsAsync(database, keys, groups);
    }

    /// <summary>The indexes of <paramref name="keys"/> by slot, each group in key order, groups in order of first key.</summary>
    public static List<List<int>> Group(RedisKey[] keys, Func<RedisKey, int> slotOf)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(slotOf);
        var groups = new List<List<int>>();
        if (keys.Length == 0)
        {
            return groups;
        }

        // The common case (one publication, or no cluster) allocates no dictionary.
        var firstSlot = slotOf(keys[0]);
        var bySlot = default(Dictionary<int, List<int>>);
        var first = new List<int>(keys.Length) { 0 };
        groups.Add(first);
        for (var i = 1; i < keys.Length; i++)
        {
            var slot = slotOf(keys[i]);
            if (slot == firstSlot)
            {
                first.Add(i);
                continue;
            }

            bySlot ??= [];
            if (!bySlot.TryGetValue(slot, out var group))
            {
                group = [];
                bySlot.Add(slot, group);
                groups.Add(group);
            }

            group.Add(i);
        }

        return groups;
    }

    private static async Task<RedisValue[]> GetGroupsAsync(IDatabase database, RedisKey[] keys, List<List<int>> groups)
    {
        var reads = new Task<RedisValue[]>[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var groupKeys = new RedisKey[group.Count];
            for (var i = 0; i < groupKeys.Length; i++)
            {
                groupKeys[i] = keys[group[i]];
            }

            reads[g] = database.StringGetAsync(groupKeys);
        }

        await Task.WhenAll(reads).ConfigureAwait(false);
        var values = new RedisValue[keys.Length];
        for (var g = 0; g < groups.Count; g++)
        {
            var groupValues = reads[g].Result;
            for (var i = 0; i < groupValues.Length; i++)
            {
                values[groups[g][i]] = groupValues[i];
            }
        }

        return values;
    }
}

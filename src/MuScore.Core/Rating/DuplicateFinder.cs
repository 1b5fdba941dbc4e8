using System.Globalization;
using System.Numerics;
using MuScore.Core.Records;
using MuScore.Core.Scoring;

namespace MuScore.Core.Rating;

/// <summary>
/// Duplicates (docs/method.md §10): every row sharing a credit code within a region is INVALID, the first
/// included, and names the others. Rows invalid for other reasons still count when their code and
/// region are themselves valid: nobody can tell which record is right.
/// </summary>
internal static class DuplicateFinder
{
    /// <summary>For each row index in a duplicate group, the problem to add.</summary>
    /// <param name="keys">Per row its packed credit code (<see cref="CodeKey"/>) when both code and region are valid; <see cref="CodeKey.None"/> otherwise.</param>
    /// <param name="unpacked">The rows with a valid code and region whose code has no key, compared as strings.</param>
    /// <param name="rows">The rows, read again only for the few codes seen more than once.</param>
    public static Dictionary<int, FieldProblem> Find(UInt128[] keys, IReadOnlyList<int> unpacked, IReadOnlyList<ParsedRow> rows)
    {
        // Equal codes end in the same character, so the keys split by their last character into
        // partitions searched on every core at once, each with a dictionary a fraction of the size.
        var partitions = Chunks.CountFor(keys.Length) == 1 ? 1 : Environment.ProcessorCount;
        var shared = new List<List<int>>?[partitions];
        Parallel.For(0, partitions, p => shared[p] = Shared(keys, p, partitions));

        var problems = new Dictionary<int, FieldProblem>();
        foreach (var indices in shared.SelectMany(s => s ?? []).Concat(SharedText(unpacked, rows)))
        {
            AddProblems(rows[indices[0]].CreditCodeText!, indices, rows, problems);
        }

        return problems;
    }

    /// <summary>Per key of one partition seen more than once, every row index that has it.</summary>
    private static List<List<int>>? Shared(UInt128[] keys, int partition, int partitions)
    {
        // Keyed by code alone (codes are nationally unique, so sharing is rare); the few codes seen
        // more than once are then split by region. The first row of each code is found through an
        // open-addressing table of row indices (4 bytes a slot, the key read from `keys`): a
        // Dictionary's 32-byte entries made this the rating's largest temporary allocation.
        var count = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            count += InPartition(keys[i], partition, partitions) ? 1 : 0;
        }

        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, count * 2));
        var mask = size - 1;
        var firstOf = new int[size]; // row index + 1; 0 is an empty slot
        Dictionary<UInt128, List<int>>? shared = null;
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            if (!InPartition(key, partition, partitions))
            {
                continue;
            }

            var slot = Slot(key) & mask;
            while (firstOf[slot] != 0 && keys[firstOf[slot] - 1] != key)
            {
                slot = (slot + 1) & mask;
            }

            if (firstOf[slot] == 0)
            {
                firstOf[slot] = i + 1;
                continue;
            }

            shared ??= [];
            if (!shared.TryGetValue(key, out var indices))
            {
                shared[key] = indices = [firstOf[slot] - 1];
            }

            indices.Add(i);
        }

        return shared is null ? null : [.. shared.Values];
    }

    private static bool InPartition(UInt128 key, int partition, int partitions) =>
        key != CodeKey.None && (int)(uint)(key & 63) % partitions == partition;

    /// <summary>A well-mixed slot for a key whose low bits are shared by its whole partition.</summary>
    private static int Slot(UInt128 key)
    {
        unchecked
        {
            var mixed = ((ulong)key * 0x9E3779B97F4A7C15UL) ^ ((ulong)(key >> 64) * 0xC2B2AE3D27D4EB4FUL);
            return (int)(mixed >> 33);
        }
    }

    private static IEnumerable<List<int>> SharedText(IReadOnlyList<int> unpacked, IReadOnlyList<ParsedRow> rows)
    {
        var byCode = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var i in unpacked)
        {
            var code = rows[i].CreditCodeText!;
            if (!byCode.TryGetValue(code, out var indices))
            {
                byCode[code] = indices = [];
            }

            indices.Add(i);
        }

        return byCode.Values.Where(indices => indices.Count > 1);
    }

    private static void AddProblems(string code, List<int> indices, IReadOnlyList<ParsedRow> rows, Dictionary<int, FieldProblem> problems)
    {
        foreach (var group in indices.GroupBy(i => rows[i].RegionText!, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var members = group.ToList();
            foreach (var i in members)
            {
                var others = string.Join(", ", members.Where(j => j != i).Select(j => rows[j].RowNumber.ToString(CultureInfo.InvariantCulture)));
                problems[i] = new FieldProblem(
                    Field.CreditCode,
                    ProblemRule.DuplicateCreditCode,
                    $"credit_code '{code}' appears more than once in region {group.Key}: also in row(s) {others}");
            }
        }
    }
}

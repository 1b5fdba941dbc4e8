using System.Globalization;
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
    /// <param name="codes">Per row its credit code when both code and region are valid; null otherwise.</param>
    /// <param name="rows">The rows, read again only for the few codes seen more than once.</param>
    public static Dictionary<int, FieldProblem> Find(string?[] codes, IReadOnlyList<ParsedRow> rows)
    {
        // Equal codes end in the same character, so codes split by their last character into
        // partitions that are searched on every core at once, each with a dictionary a fraction
        // of the size.
        var partitions = Chunks.CountFor(codes.Length) == 1 ? 1 : Environment.ProcessorCount;
        var shared = new Dictionary<string, List<int>>?[partitions];
        Parallel.For(0, partitions, p => shared[p] = Shared(codes, p, partitions));

        var problems = new Dictionary<int, FieldProblem>();
        foreach (var partition in shared)
        {
            foreach (var (code, indices) in partition ?? [])
            {
                AddProblems(code, indices, rows, problems);
            }
        }

        return problems;
    }

    /// <summary>The codes of one partition seen more than once, each with every row index that has it.</summary>
    private static Dictionary<string, List<int>>? Shared(string?[] codes, int partition, int partitions)
    {
        // Keyed by code alone (codes are nationally unique, so sharing is rare); the few codes seen
        // more than once are then split by region.
        var first = new Dictionary<string, int>(codes.Length / partitions, StringComparer.Ordinal);
        Dictionary<string, List<int>>? shared = null;
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] is not { Length: > 0 } code || code[^1] % partitions != partition)
            {
                continue;
            }

            if (!first.TryAdd(code, i))
            {
                shared ??= new Dictionary<string, List<int>>(StringComparer.Ordinal);
                if (!shared.TryGetValue(code, out var indices))
                {
                    shared[code] = indices = [first[code]];
                }

                indices.Add(i);
            }
        }

        return shared;
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

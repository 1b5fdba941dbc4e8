namespace MuScore.Core.Policies;

/// <summary>The merge rules of clause (七): "合并转让所涉及的工业用地权属性质、使用权类型等应一致且界线相邻,对剩余出让年限不一致的,按照合并前宗地中的剩余最短年限统一".</summary>
internal static class LandMergeRules
{
    private static readonly string[] Ids = ["land_merge_adjacent", "land_merge_same_ownership", "land_merge_same_use_right", "land_merge_term"];

    public static (IReadOnlyList<RuleResult> Rules, DateOnly? TermEndDate, decimal? TermYears) Evaluate(LandTransferRequest request, string cite)
    {
        if (request.Kind != TransferKind.Merge)
        {
            var why = $"Not a merge transfer ({request.Kind.Code()}).";
            return ([.. Ids.Select(id => new RuleResult(id, RuleStatus.NotApplicable, why, cite))], null, null);
        }

        var parcels = request.Parcels;
        var names = string.Join(", ", parcels.Select(p => p.Id));
        var apart = Unreached(parcels);
        var rules = new List<RuleResult>
        {
            new(Ids[0], apart.Count == 0 ? RuleStatus.Passed : RuleStatus.Failed, apart.Count == 0
                ? $"Parcels {names} form one contiguous piece (界线相邻)."
                : $"Parcel{(apart.Count == 1 ? string.Empty : "s")} {string.Join(", ", apart)} share{(apart.Count == 1 ? "s" : string.Empty)} no boundary with the rest: merged parcels must be adjacent (界线相邻).", cite),
            Same(Ids[1], parcels, p => p.OwnershipType, "ownership type (权属性质)", cite),
            Same(Ids[2], parcels, p => p.UseRight, "use-right type (使用权类型)", cite),
        };

        DateOnly? end = null;
        decimal? years = null;
        string shortest;
        bool differ;
        if (parcels[0].TermEndDate is not null)
        {
            end = parcels.Min(p => p.TermEndDate!.Value);
            differ = parcels.Any(p => p.TermEndDate != end);
            shortest = $"the earliest term end, {EffectivePeriod.Day(end.Value)}";
        }
        else
        {
            years = parcels.Min(p => p.RemainingTermYears!.Value);
            differ = parcels.Any(p => p.RemainingTermYears != years);
            shortest = $"the shortest remaining term, {Money.Text(years.Value)} years";
        }

        rules.Add(new(Ids[3], RuleStatus.Passed, differ
            ? $"The remaining terms differ; the merged parcel takes {shortest} (按照合并前宗地中的剩余最短年限统一)."
            : $"The remaining terms are equal; the merged parcel keeps {shortest}.", cite));
        return (rules, end, years);
    }

    private static RuleResult Same(string id, IReadOnlyList<Parcel> parcels, Func<Parcel, string> value, string what, string cite)
    {
        var values = parcels.Select(value).Distinct(StringComparer.Ordinal).ToArray();
        return values.Length == 1
            ? new(id, RuleStatus.Passed, $"Every parcel has the same {what}: {values[0]}.", cite)
            : new(id, RuleStatus.Failed,
                $"The parcels differ in {what}: {string.Join(", ", parcels.Select(p => $"{p.Id} {value(p)}"))}; they must be the same (应一致).", cite);
    }

    // Parcels not reachable from the first through shared boundaries; adjacency counts if either side lists it.
    private static List<string> Unreached(IReadOnlyList<Parcel> parcels)
    {
        var ids = parcels.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var edges = parcels.SelectMany(p => p.AdjacentParcelIds.Where(ids.Contains).SelectMany(other => new[] { (p.Id, other), (other, p.Id) }))
            .ToLookup(e => e.Item1, e => e.Item2, StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal) { parcels[0].Id };
        var queue = new Queue<string>(reached);
        while (queue.TryDequeue(out var id))
        {
            foreach (var next in edges[id].Where(reached.Add))
            {
                queue.Enqueue(next);
            }
        }

        return [.. parcels.Select(p => p.Id).Where(id => !reached.Contains(id))];
    }
}

namespace MuScore.Core.Policies;

/// <summary>
/// The policies a server answers from, with the sections in force for a region and date. Tariff
/// and relief tables of every matching policy are candidates (the highest applies); for land,
/// subsidy and list rules the most specific region match wins (county over prefecture over
/// province), and <see cref="Create"/> rejects two of the same kind for the same region entry
/// with overlapping periods, so the choice is never arbitrary. Immutable and thread-safe.
/// </summary>
public sealed class PolicySet
{
    private readonly IReadOnlyList<(Policy Policy, PolicyRef Ref)> entries;

    private PolicySet(IReadOnlyList<(Policy Policy, PolicyRef Ref)> entries) => this.entries = entries;

    /// <summary>Tariff outcomes already worked out from this set (a memo; see <see cref="Policies.TariffOutcomes"/>).</summary>
    internal TariffOutcomes TariffOutcomes { get; } = new();

    /// <summary>The policies, by id (ordinal).</summary>
    public IReadOnlyList<PolicyRef> Policies => [.. entries.Select(e => e.Ref)];

    /// <summary>
    /// Builds a set; never throws for conflicting content: duplicate ids and ambiguous sections
    /// (same kind, same region entry, overlapping periods, in two policies) are returned as errors.
    /// </summary>
    public static PolicySetResult Create(IEnumerable<Policy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var list = policies.ToList();
        var errors = PolicySetChecks.Check(list);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var entries = list.OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => (p, new PolicyRef(p.Id, p.Version, PolicyJson.Hash(p), p.Source)))
            .ToArray();
        return new(new PolicySet(entries), []);
    }

    /// <summary>The policy with this id; null when none.</summary>
    public Policy? Find(string id) => entries.FirstOrDefault(e => string.Equals(e.Policy.Id, id, StringComparison.Ordinal)).Policy;

    /// <summary>Every tariff section for <paramref name="utility"/> in force in <paramref name="region"/> on <paramref name="date"/>, by policy id then file order.</summary>
    public IReadOnlyList<TariffTable> TariffsInForce(string region, Utility utility, DateOnly date) =>
        [.. Matching(region).SelectMany(e => e.Policy.Tariffs
            .Where(s => s.Utility == utility && s.Period.Contains(date))
            .Select(s => new TariffTable(e.Ref, s)))];

    /// <summary>Every land-use tax relief section in force in <paramref name="region"/> on <paramref name="date"/>.</summary>
    public IReadOnlyList<TaxReliefTable> TaxReliefsInForce(string region, DateOnly date) =>
        [.. Matching(region).SelectMany(e => e.Policy.TaxReliefs
            .Where(s => s.Period.Contains(date))
            .Select(s => new TaxReliefTable(e.Ref, s)))];

    /// <summary>The land transfer rules in force in <paramref name="region"/> on <paramref name="date"/>; null when none.</summary>
    public LandRules? LandRulesInForce(string region, DateOnly date) =>
        MostSpecific(region, p => p.LandTransfer, s => s.Period.Contains(date)) is { } found ? new LandRules(found.Ref, found.Section) : null;

    /// <summary>The subsidy rules in force in <paramref name="region"/> on <paramref name="date"/> (possibly none).</summary>
    public SubsidyRules SubsidyRulesInForce(string region, DateOnly date) =>
        new([.. Enum.GetValues<SubsidyKind>()
            .Select(kind => MostSpecific(region, p => p.Subsidies, s => s.Kind == kind && s.Period.Contains(date)))
            .Where(found => found is not null)
            .Select(found => new SubsidyRule(found!.Value.Ref, found.Value.Section))]);

    /// <summary>
    /// The list rules for facts of <paramref name="year"/> in <paramref name="region"/>: those in force
    /// on 31 December of that year (the targets are "到2023年底"); null when none.
    /// </summary>
    public ListRules? ListRulesInForce(string region, int year) =>
        MostSpecific(region, p => p.EfficiencyLists, s => s.Period.Contains(new DateOnly(year, 12, 31))) is { } found
            ? new ListRules(found.Ref, found.Section)
            : null;

    private IEnumerable<(Policy Policy, PolicyRef Ref)> Matching(string region)
    {
        if (!RequestChecks.IsRegion(region))
        {
            throw new ArgumentException($"region '{region}' must be a 6-digit region code", nameof(region));
        }

        return entries.Where(e => e.Policy.MatchLength(region) > 0);
    }

    private (PolicyRef Ref, T Section)? MostSpecific<T>(string region, Func<Policy, IReadOnlyList<T>> sections, Func<T, bool> wanted)
        where T : PolicySection
    {
        (PolicyRef Ref, T Section)? best = null;
        var bestLength = 0;
        foreach (var (policy, reference) in Matching(region))
        {
            var length = policy.MatchLength(region);
            var section = sections(policy).FirstOrDefault(wanted);
            if (section is not null && length > bestLength)
            {
                best = (reference, section);
                bestLength = length;
            }
        }

        return best;
    }
}

/// <summary>The outcome of <see cref="PolicySet.Create"/>.</summary>
/// <param name="Set">The set; null when there are errors.</param>
/// <param name="Errors">Every conflict found; path is the policy id.</param>
public sealed record PolicySetResult(PolicySet? Set, IReadOnlyList<PolicyError> Errors)
{
    /// <summary>True when a set was built.</summary>
    public bool IsValid => Set is not null && Errors.Count == 0;
}

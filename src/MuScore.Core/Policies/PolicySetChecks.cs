namespace MuScore.Core.Policies;

/// <summary>The conflicts <see cref="PolicySet.Create"/> rejects.</summary>
internal static class PolicySetChecks
{
    public static List<PolicyError> Check(IReadOnlyList<Policy> policies)
    {
        var errors = new List<PolicyError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            ArgumentNullException.ThrowIfNull(policy);
            if (!seen.Add(policy.Id))
            {
                errors.Add(new(policy.Id, $"policy id '{policy.Id}' appears more than once"));
            }
        }

        for (var i = 0; i < policies.Count; i++)
        {
            for (var j = i + 1; j < policies.Count; j++)
            {
                Compare(policies[i], policies[j], errors);
            }
        }

        return errors;
    }

    private static void Compare(Policy first, Policy second, List<PolicyError> errors)
    {
        foreach (var region in first.Regions.Intersect(second.Regions, StringComparer.Ordinal))
        {
            Overlaps(first.LandTransfer, second.LandTransfer, _ => "land_transfer", first, second, region, errors);
            Overlaps(first.Subsidies, second.Subsidies, s => $"subsidies ({PolicyJsonTokens.TokenOf(PolicyJsonTokens.SubsidyKinds, s.Kind)})", first, second, region, errors);
            Overlaps(first.EfficiencyLists, second.EfficiencyLists, _ => "efficiency_lists", first, second, region, errors);
        }
    }

    private static void Overlaps<T>(
        IReadOnlyList<T> left, IReadOnlyList<T> right, Func<T, string> kind, Policy first, Policy second, string region, List<PolicyError> errors)
        where T : PolicySection
    {
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                if (string.Equals(kind(a), kind(b), StringComparison.Ordinal) && a.Period.Overlaps(b.Period))
                {
                    errors.Add(new(second.Id,
                        $"{kind(b)} {b.Period} overlaps {kind(a)} {a.Period} of policy '{first.Id}' for region {region}: the rules in force would be ambiguous"));
                }
            }
        }
    }
}

namespace MuScore.Core.Policies;

/// <summary>
/// One versioned policy file of a region (format: docs/policies.md): which tariff tables, tax
/// reliefs, land rules, subsidy rules and efficiency lists apply there, each section with its own
/// effective period. Read with <see cref="PolicyJson.Parse"/>; shipped presets in <see cref="PolicyPresets"/>.
/// </summary>
public sealed record Policy
{
    /// <summary>Id, <c>^[a-z0-9][a-z0-9.-]{0,63}$</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Version label of this text.</summary>
    public required string Version { get; init; }

    /// <summary>Human title.</summary>
    public required string Title { get; init; }

    /// <summary>The document transcribed (文号), cited before each clause.</summary>
    public required string Source { get; init; }

    /// <summary>Sources and choices, free text.</summary>
    public string? Description { get; init; }

    /// <summary>Region code prefixes it covers (2 digits: province, 4: prefecture, 6: county), ascending.</summary>
    public required IReadOnlyList<string> Regions { get; init; }

    /// <summary>Differentiated electricity, water and gas surcharges.</summary>
    public IReadOnlyList<TariffSection> Tariffs { get; init; } = [];

    /// <summary>Land-use tax (城镇土地使用税) relief tables.</summary>
    public IReadOnlyList<TaxReliefSection> TaxReliefs { get; init; } = [];

    /// <summary>Industrial land transfer rules.</summary>
    public IReadOnlyList<LandSection> LandTransfer { get; init; } = [];

    /// <summary>Subsidy and reward rules.</summary>
    public IReadOnlyList<SubsidySection> Subsidies { get; init; } = [];

    /// <summary>Low-efficiency list thresholds and regional targets.</summary>
    public IReadOnlyList<ListSection> EfficiencyLists { get; init; } = [];

    /// <summary>Length of the longest region prefix matching a 6-digit <paramref name="region"/>; 0 when none.</summary>
    internal int MatchLength(string region)
    {
        var best = 0;
        foreach (var prefix in Regions)
        {
            if (prefix.Length > best && region.StartsWith(prefix, StringComparison.Ordinal))
            {
                best = prefix.Length;
            }
        }

        return best;
    }
}

/// <summary>What every section of a policy has: the clause it transcribes and when it is in force.</summary>
public abstract record PolicySection
{
    /// <summary>The clause, as the source numbers it, e.g. <c>(七)</c>.</summary>
    public required string Clause { get; init; }

    /// <summary>When the section is in force.</summary>
    public required EffectivePeriod Period { get; init; }
}

using MuScore.Core.Records;

namespace MuScore.Core.Sampling;

/// <summary>What <see cref="SampleGenerator"/> produces. The same options always give the same rows.</summary>
public sealed record SampleOptions
{
    /// <summary>The default regions: 临海市 (331082), 绍兴市柯桥区 (330603), 淮安市淮安区 (320803).</summary>
    public static IReadOnlyList<string> DefaultRegions { get; } = ["331082", "330603", "320803"];

    /// <summary>Number of data rows (default 1,000); a duplicate-code bad row counts as one row.</summary>
    public int Count { get; init; } = 1_000;

    /// <summary>Seed of the generator (default 1). Enterprise identities depend on the seed and row index only, so two years of one seed describe the same enterprises.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>The evaluated year the figures describe (default 2024).</summary>
    public int Year { get; init; } = 2024;

    /// <summary>Share of rows made bad, 0 to 1 (default 0): exactly ⌊Count · rate⌋ rows, spread evenly, cycling through every <see cref="SampleDefect"/>.</summary>
    public double BadRowRate { get; init; }

    /// <summary>Chinese headers with units and Chinese words (规上, 是/否) in the cells; English otherwise (default false).</summary>
    public bool ChineseHeaders { get; init; }

    /// <summary>Region codes the enterprises are spread over uniformly (default <see cref="DefaultRegions"/>).</summary>
    public IReadOnlyList<string> Regions { get; init; } = DefaultRegions;

    /// <summary>The first problem with these options, or null when they are usable.</summary>
    public string? Validate()
    {
        if (Count < 0)
        {
            return "the row count must not be negative";
        }

        if (Year is < 1901 or > 9999)
        {
            return "the year must be between 1901 and 9999";
        }

        if (double.IsNaN(BadRowRate) || BadRowRate is < 0 or > 1)
        {
            return "the bad-row rate must be between 0 and 1";
        }

        if (Regions is null || Regions.Count == 0)
        {
            return "at least one region is needed";
        }

        foreach (var region in Regions)
        {
            if (region is null || !CellParsers.IsRegion(region))
            {
                return $"region '{region}' is not a 6-digit code";
            }
        }

        return null;
    }

    internal void ThrowIfInvalid()
    {
        var problem = Validate();
        if (problem is not null)
        {
            throw new ArgumentException(problem, "options");
        }
    }
}

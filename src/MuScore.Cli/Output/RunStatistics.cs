using MuScore.Core.Rating;
using MuScore.Core.Records;

namespace MuScore.Cli.Output;

/// <summary>Counts over a run's row outcomes that the pool summaries do not carry, gathered in one pass.</summary>
internal sealed class RunStatistics
{
    private RunStatistics(RatingRun run)
    {
        foreach (var row in run.Rows)
        {
            StatusCounts[(int)row.Status]++;
            foreach (var reason in row.Exclusions)
            {
                ExclusionCounts[(int)reason]++;
            }

            foreach (var problem in row.Problems)
            {
                ProblemCounts[(int)problem.Rule]++;
            }

            if (row.Rating is { Override: not OverrideKind.None } rating && row.Record is { } record)
            {
                var key = (record.Region, rating.Pool);
                if (!Overrides.TryGetValue(key, out var counts))
                {
                    Overrides[key] = counts = new int[Enum.GetValues<OverrideKind>().Length];
                }

                counts[(int)rating.Override]++;
            }
        }
    }

    /// <summary>Rows per <see cref="RowStatus"/>.</summary>
    public int[] StatusCounts { get; } = new int[Enum.GetValues<RowStatus>().Length];

    /// <summary>EXCLUDED rows per <see cref="ExclusionReason"/>; a row with two reasons counts under both.</summary>
    public int[] ExclusionCounts { get; } = new int[Enum.GetValues<ExclusionReason>().Length];

    /// <summary>Problems per <see cref="ProblemRule"/> over every INVALID row.</summary>
    public int[] ProblemCounts { get; } = new int[Enum.GetValues<ProblemRule>().Length];

    /// <summary>Overridden enterprises per region and pool, indexed by <see cref="OverrideKind"/>.</summary>
    public Dictionary<(string Region, string Pool), int[]> Overrides { get; } = [];

    public int Total => StatusCounts.Sum();

    public static RunStatistics Of(RatingRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunStatistics(run);
    }

    public int OverrideCount(PoolSummary pool, OverrideKind kind) =>
        Overrides.TryGetValue((pool.Region, pool.Pool), out var counts) ? counts[(int)kind] : 0;
}

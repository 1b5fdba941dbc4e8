using MuScore.Core.Rating;
using MuScore.Core.Records;

namespace MuScore.Cli.Output;

/// <summary>Counts over a run's rows that the pool summaries do not carry, gathered in one pass over its columns.</summary>
internal sealed class RunStatistics
{
    private RunStatistics(RatingResults results)
    {
        for (var row = 0; row < results.Count; row++)
        {
            var status = results.Status(row);
            StatusCounts[(int)status]++;
            switch (status)
            {
                case RowStatus.Excluded:
                    foreach (var reason in results.Exclusions(row))
                    {
                        ExclusionCounts[(int)reason]++;
                    }

                    break;
                case RowStatus.Invalid:
                    foreach (var problem in results.Problems(row))
                    {
                        ProblemCounts[(int)problem.Rule]++;
                    }

                    break;
                case RowStatus.Rated when results.Override(row) is var kind and not OverrideKind.None:
                    CountOverride(results.Record(row)!.Region, results.Pool(row), kind);
                    break;
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
        return new RunStatistics(run.Results);
    }

    public int OverrideCount(PoolSummary pool, OverrideKind kind) =>
        Overrides.TryGetValue((pool.Region, pool.Pool), out var counts) ? counts[(int)kind] : 0;

    private void CountOverride(string region, string pool, OverrideKind kind)
    {
        if (!Overrides.TryGetValue((region, pool), out var counts))
        {
            Overrides[(region, pool)] = counts = new int[Enum.GetValues<OverrideKind>().Length];
        }

        counts[(int)kind]++;
    }
}

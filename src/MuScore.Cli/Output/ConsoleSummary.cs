using System.Globalization;
using System.Text;
using MuScore.Core.Indicators;
using MuScore.Core.Rating;

namespace MuScore.Cli.Output;

/// <summary>The short table "muscore rate" prints: rows per status, per pool its size and classes, and the benchmarks used.</summary>
internal static class ConsoleSummary
{
    public static string Format(RatingRun run, RunStatistics stats, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(stats);
        var text = new StringBuilder();
        text.Append(Invariant($"scheme {run.SchemeId} {run.SchemeVersion}, year {run.Year}, region {run.Region ?? "all"}\n"));
        text.Append(Invariant($"rows: {stats.Total} total, {stats.StatusCounts[(int)RowStatus.Rated]} rated, "));
        text.Append(Invariant($"{stats.StatusCounts[(int)RowStatus.Excluded]} excluded, {stats.StatusCounts[(int)RowStatus.Invalid]} invalid\n"));
        if (run.Pools.Count > 0)
        {
            var width = Math.Max(4, run.Pools.Max(p => p.Region.Length + 1 + p.Pool.Length)) + 2;
            var cell = Math.Max(5, NumberText.Format(run.Pools.Max(p => p.Size)).Length) + 1;
            text.Append('\n').Append("pool".PadRight(width));
            foreach (var heading in new[] { "size", "quota", "A", "B", "C", "D" })
            {
                text.Append(heading.PadLeft(cell));
            }

            text.Append('\n');
            foreach (var pool in run.Pools)
            {
                text.Append($"{pool.Region} {pool.Pool}".PadRight(width));
                foreach (var count in pool.ClassCounts.Prepend(pool.QuotaPoolSize).Prepend(pool.Size))
                {
                    text.Append(NumberText.Format(count).PadLeft(cell));
                }

                text.Append('\n');
            }

            text.Append("\nbenchmarks:\n");
            foreach (var pool in run.Pools)
            {
                var values = pool.Benchmarks.Select(b => $"{b.Indicator.Id()} {(b.Benchmark is { } v ? NumberText.Format(v) : "-")}");
                text.Append("  ").Append($"{pool.Region} {pool.Pool}".PadRight(width)).AppendJoin("  ", values).Append('\n');
            }
        }

        text.Append("\nwritten to ").Append(outputDirectory).Append('\n');
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

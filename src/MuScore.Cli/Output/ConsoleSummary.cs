using System.Globalization;
using System.Text;
using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Ingest;

namespace MuScore.Cli.Output;

/// <summary>The short table "muscore rate" prints: rows per status, per pool its size and classes, and the benchmarks used.</summary>
internal static class ConsoleSummary
{
    public static string Format(RatingRun run, RunStatistics stats, string outputDirectory, int width = CliConsole.PlainWidth)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(stats);
        var text = new StringBuilder();
        text.Append(Invariant($"scheme {run.SchemeId} {run.SchemeVersion}, year {run.Year}, region {run.Region ?? "all"}\n"));
        text.Append(Invariant($"rows: {stats.Total} total, {stats.StatusCounts[(int)RowStatus.Rated]} rated, "));
        text.Append(Invariant($"{stats.StatusCounts[(int)RowStatus.Excluded]} excluded, {stats.StatusCounts[(int)RowStatus.Invalid]} invalid\n"));
        if (run.Pools.Count > 0)
        {
            // Spectre measures Chinese pool names as two cells a character and sizes each column to its widest count.
            var table = TextTable.Create("pool", "size>", "quota>", "A>", "B>", "C>", "D>");
            foreach (var pool in run.Pools)
            {
                string[] counts = [.. pool.ClassCounts.Prepend(pool.QuotaPoolSize).Prepend(pool.Size).Select(c => NumberText.Format(c))];
                TextTable.AddRow(table, [$"{pool.Region} {pool.Pool}", .. counts]);
            }

            text.Append('\n').Append(TextTable.Render(table, width));
            var benchmarks = TextTable.Create("benchmarks", "indicators");
            foreach (var pool in run.Pools)
            {
                var values = pool.Benchmarks.Select(b => $"{b.Indicator.Id()} {(b.Benchmark is { } v ? NumberText.Format(v) : "-")}");
                TextTable.AddRow(benchmarks, $"{pool.Region} {pool.Pool}", string.Join("  ", values));
            }

            text.Append('\n').Append(TextTable.Render(benchmarks, width));
        }

        text.Append("\nwritten to ").Append(outputDirectory).Append('\n');
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;
using MuScore.Core.Rating;

namespace MuScore.Core.Tests.Properties;

/// <summary>A canonical text of a run, doubles written as their bit patterns, so equal dumps mean bit-identical runs.</summary>
internal static class RunDump
{
    public static string Of(RatingRun run)
    {
        var text = new StringBuilder();
        Line(text, $"{run.SchemeId}|{run.SchemeVersion}|{run.SchemeHash}|{run.InputHash}|{run.Year}|{run.Region}");
        foreach (var row in run.Rows)
        {
            Line(text, $"row {row.RowNumber}|{row.CreditCode}|{row.Region}|{row.Status.Code()}|{string.Join(',', row.Exclusions.Select(e => e.Code()))}|{string.Join(',', row.Problems.Select(p => $"{p.Field}:{p.Rule}:{p.Message}"))}");
            if (row.Rating is { } r)
            {
                Line(text, $"  {Rating(r)}");
                foreach (var item in r.Items)
                {
                    Line(text, $"  {item.Indicator}|{Bits(item.Value)}|{Bits(item.Benchmark)}|{Bits(item.Weight)}|{Bits(item.Score)}|{item.Basis}");
                }
            }
        }

        foreach (var pool in run.Pools)
        {
            Line(text, $"pool {pool.Region}|{pool.Pool}|{pool.Size}|{pool.QuotaPoolSize}|{string.Join(',', pool.ClassCounts)}|{string.Join(',', pool.CutOffs.Select(Bits))}");
            Line(text, $"  {string.Join(',', pool.Benchmarks.Select(b => $"{b.Indicator}={Bits(b.Benchmark)}"))}");
        }

        return text.ToString();
    }

    /// <summary>The rating of one enterprise without its row number, for comparing runs over shuffled rows.</summary>
    public static string Rating(EnterpriseRating r) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{r.Pool}|{r.LandMu}|{Bits(r.Total)}|{Bits(r.Bonus)}|{Bits(r.Penalty)}|{r.Rank}/{r.PoolSize}|{Bits(r.Percentile)}|{r.QuotaRank}/{r.QuotaPoolSize}|{r.Class}|{r.Override}|{Bits(r.GapToNextClass)}|{r.ConsecutiveDYears}|")
        + string.Join(';', r.Items.Select(i => $"{i.Indicator}:{Bits(i.Value)}:{Bits(i.Benchmark)}:{Bits(i.Score)}:{i.Basis}"));

    private static string Bits(double? value) =>
        value is { } v ? BitConverter.DoubleToInt64Bits(v).ToString("X16", CultureInfo.InvariantCulture) : "-";

    private static void Line(StringBuilder text, FormattableString line) =>
        text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}

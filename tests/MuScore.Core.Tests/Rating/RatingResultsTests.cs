using System.Globalization;
using System.Text;
using MuScore.Core.Rating;
using MuScore.Core.Tests.Builders;
using MuScore.Core.Tests.Properties;

namespace MuScore.Core.Tests.Rating;

/// <summary>
/// <see cref="RatingRun.Results"/>: every columnar getter says what the row's <see cref="RowOutcome"/>
/// says, for engine runs and for runs built from outcomes alike.
/// </summary>
public sealed class RatingResultsTests
{
    private static readonly RatingRun Run = MixedRun();

    [Fact]
    public void Results_EveryRow_AgreesWithItsOutcome()
    {
        var results = Run.Results;
        Assert.Equal(Run.Rows.Count, results.Count);
        Assert.Equal(OutcomeDump(Run), ResultsDump(Run));

        // The table has every kind of row, so the comparison above covers each getter.
        Assert.All(Enum.GetValues<RowStatus>(), s => Assert.Contains(s, Enumerable.Range(0, results.Count).Select(results.Status)));
        Assert.Contains(Run.Rows, r => r.Rating is { ConsecutiveDYears: > 1 });
        Assert.Contains(Run.Rows, r => r.Rating is { QuotaRank: null });
        Assert.Contains(Run.Rows, r => r.Problems.Any(p => p.Rule == Core.Records.ProblemRule.DuplicateCreditCode));
    }

    [Fact]
    public void Results_OfARunBuiltFromOutcomes_SameAsTheEngines()
    {
        var rebuilt = Run with { Rows = [.. Run.Rows] };

        Assert.Equal(ResultsDump(Run), ResultsDump(rebuilt));
        Assert.Equal(RunDump.Of(Run), RunDump.Of(rebuilt with { Rows = [.. Enumerable.Range(0, rebuilt.Results.Count).Select(rebuilt.Results.Outcome)] }));
    }

    [Fact]
    public void Rows_ReadTwice_SameOutcomes()
    {
        Assert.Equal(RunDump.Of(Run), RunDump.Of(Run));
    }

    [Fact]
    public void RatedGetter_RowNotRated_Throws()
    {
        var results = Run.Results;
        var excluded = Enumerable.Range(0, results.Count).First(i => results.Status(i) == RowStatus.Excluded);

        Assert.Equal(-1, results.PoolIndex(excluded));
        Assert.Throws<InvalidOperationException>(() => results.Total(excluded));
        Assert.Throws<InvalidOperationException>(() => results.ItemScores(excluded).Length);
    }

    [Fact]
    public void Rating_EveryRatedRow_TheOutcomesRating()
    {
        var results = Run.Results;
        var rated = Enumerable.Range(0, results.Count).Where(i => results.Status(i) == RowStatus.Rated).ToList();
        var excluded = Enumerable.Range(0, results.Count).First(i => results.Status(i) == RowStatus.Excluded);

        Assert.NotEmpty(rated);
        Assert.All(rated, i => Assert.Equal(Text(results.Outcome(i).Rating!), Text(results.Rating(i))));
        Assert.Throws<InvalidOperationException>(() => results.Rating(excluded));

        // Items are compared by value: a record compares its ArraySegment by the array it wraps.
        static string Text(EnterpriseRating rating) => (rating with { Items = default }) + string.Join(";", rating.Items);
    }

    [Fact]
    public void ItemBasis_IndexPastThePoolsItems_Throws()
    {
        var results = Run.Results;
        var rated = Enumerable.Range(0, results.Count).First(i => results.Status(i) == RowStatus.Rated);

        Assert.Throws<ArgumentOutOfRangeException>(() => results.ItemBasis(rated, results.Indicators(rated).Length));
    }

    private static RatingRun MixedRun()
    {
        var rows = MixedRows.Generate(2_000, seed: 3);
        var scheme = RandomPools.Schemes[0];
        return Engine.RateRows(scheme, rows, history: MixedRows.HistoryFor(Engine.RateRows(scheme, rows)));
    }

    private static string OutcomeDump(RatingRun run)
    {
        var text = new StringBuilder();
        for (var i = 0; i < run.Rows.Count; i++)
        {
            var row = run.Rows[i];
            var rating = row.Rating;
            var pool = rating is null ? -1 : run.Pools.Select((p, g) => (p, g)).Single(x => x.p.Region == row.Record!.Region && x.p.Pool == rating.Pool).g;
            Line(text, row.RowNumber, row.CreditCode, row.Name, row.Region, row.Status, row.Record?.CreditCode, Codes(row.Exclusions), Codes(row.Problems), pool);
            if (rating is not null)
            {
                Line(text, rating.Pool, rating.Total, rating.Rank, rating.PoolSize, rating.Percentile, rating.QuotaRank, rating.QuotaPoolSize, rating.Class, rating.Override, rating.GapToNextClass, rating.ConsecutiveDYears, rating.Bonus, rating.Penalty);
                foreach (var item in rating.Items)
                {
                    Line(text, item.Indicator, item.Weight, item.Benchmark ?? double.NaN, item.Value ?? double.NaN, item.Score, item.Basis);
                }
            }
        }

        return text.ToString();
    }

    private static string ResultsDump(RatingRun run)
    {
        var r = run.Results;
        var text = new StringBuilder();
        for (var i = 0; i < r.Count; i++)
        {
            Line(text, r.RowNumber(i), r.CreditCode(i), r.Name(i), r.Region(i), r.Status(i), r.Record(i)?.CreditCode, Codes(r.Exclusions(i)), Codes(r.Problems(i)), r.PoolIndex(i));
            if (r.Status(i) == RowStatus.Rated)
            {
                Line(text, r.Pool(i), r.Total(i), r.Rank(i), r.PoolSize(i), r.Percentile(i), r.QuotaRank(i), r.QuotaPoolSize(i), r.Class(i), r.Override(i), r.GapToNextClass(i), r.ConsecutiveDYears(i), r.Bonus(i), r.Penalty(i));
                for (var k = 0; k < r.Indicators(i).Length; k++)
                {
                    Line(text, r.Indicators(i)[k], r.Weights(i)[k], r.Benchmarks(i)[k], r.ItemValues(i)[k], r.ItemScores(i)[k], r.ItemBasis(i, k));
                }
            }
        }

        return text.ToString();
    }

    private static string Codes<T>(IEnumerable<T> items) => string.Join(',', items);

    // Doubles as bit patterns: equal text means bit-identical figures.
    private static void Line(StringBuilder text, params object?[] cells) =>
        text.AppendJoin('|', cells.Select(c => c switch
        {
            double d => BitConverter.DoubleToInt64Bits(d).ToString("X16", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => c?.ToString() ?? "-",
        })).Append('\n');
}

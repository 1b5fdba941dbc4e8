using MuScore.Core.Classification;
using MuScore.Core.History;
using MuScore.Core.Indicators;
using MuScore.Core.Records;
using MuScore.Core.Scoring;

namespace MuScore.Core.Rating;

/// <summary>Scores, ranks and classifies one region's pool into its columns, and sums it up.</summary>
internal static class PoolRater
{
    public static (PoolColumns Columns, PoolSummary Summary) Rate(RatingRequest request, RatedGroup group, EnterpriseRecord?[] records, decimal[] lands)
    {
        var rule = request.Scheme.Pools[group.Pool];
        var n = group.Rows.Length;
        var members = new PoolMembers(records, lands, group.Rows);

        var columns = new PoolColumns(
            group.Region, rule.Id, [.. rule.Indicators.Select(x => x.Indicator)], [.. rule.Indicators.Select(x => x.Weight)], n);
        PoolScorer.Score(request.Scheme, rule, members, columns);
        var cutOffs = PoolClassifier.Classify(request.Scheme, members, columns);
        var counts = new int[4];
        var history = request.History;
        for (var i = 0; i < n; i++)
        {
            var cls = columns.Class[i];
            counts[(int)cls]++;

            // 0 unless D, so only the few D members look in the history.
            if (cls == RatingClass.D)
            {
                columns.ConsecutiveDYears[i] = RatingHistory.ConsecutiveDYears(history, group.Region, members.Record(i).CreditCode, request.Year, cls);
            }
        }

        var benchmarks = new (Indicator, double?)[columns.Width];
        for (var k = 0; k < benchmarks.Length; k++)
        {
            benchmarks[k] = (columns.Indicators[k], double.IsNaN(columns.Benchmarks[k]) ? null : columns.Benchmarks[k]);
        }

        return (columns, new PoolSummary
        {
            Region = group.Region,
            Pool = rule.Id,
            Size = n,
            QuotaPoolSize = columns.QuotaPoolSize,
            Benchmarks = benchmarks,
            ClassCounts = counts,
            CutOffs = cutOffs,
        });
    }
}

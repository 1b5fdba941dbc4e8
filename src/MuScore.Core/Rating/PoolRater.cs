using MuScore.Core.Classification;
using MuScore.Core.History;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Core.Scoring;

namespace MuScore.Core.Rating;

/// <summary>Scores, ranks and classifies one region's pool and writes its members' outcomes.</summary>
internal static class PoolRater
{
    public static PoolSummary Rate(RatingRequest request, PoolRule pool, string region, List<int> rowIndices, RowOutcome[] outcomes)
    {
        var n = rowIndices.Count;
        var members = new EnterpriseRecord[n];
        var lands = new decimal[n];
        for (var i = 0; i < n; i++)
        {
            members[i] = request.Rows[rowIndices[i]].Record!;
            lands[i] = members[i].LandMu;
        }

        var scores = PoolScorer.Score(request.Scheme, pool, members, lands);
        var classes = PoolClassifier.Classify(request.Scheme, members, lands, scores.Totals);
        var counts = new int[4];
        for (var i = 0; i < n; i++)
        {
            var record = members[i];
            var cls = classes.Class[i];
            counts[(int)cls]++;
            var row = request.Rows[rowIndices[i]];
            outcomes[rowIndices[i]] = new RowOutcome
            {
                RowNumber = row.RowNumber,
                CreditCode = row.CreditCodeText,
                Name = row.Name,
                Region = row.RegionText,
                Status = RowStatus.Rated,
                Record = record,
                Rating = new EnterpriseRating
                {
                    Pool = pool.Id,
                    LandMu = lands[i],
                    Items = scores.ItemsOf(i),
                    Bonus = (double)record.BonusPoints,
                    Penalty = (double)record.PenaltyPoints,
                    Total = scores.Totals[i],
                    Rank = classes.Rank[i],
                    PoolSize = n,
                    Percentile = 100.0 * classes.Rank[i] / n,
                    QuotaRank = classes.QuotaRank[i] == 0 ? null : classes.QuotaRank[i],
                    QuotaPoolSize = classes.QuotaPoolSize,
                    Class = cls,
                    Override = classes.Override[i],
                    GapToNextClass = classes.Gap[i],
                    ConsecutiveDYears = RatingHistory.ConsecutiveDYears(request.History, region, record.CreditCode, request.Year, cls),
                },
            };
        }

        var benchmarks = new (Indicators.Indicator, double?)[pool.Indicators.Count];
        for (var k = 0; k < benchmarks.Length; k++)
        {
            benchmarks[k] = (pool.Indicators[k].Indicator, scores.Benchmarks[k]);
        }

        return new PoolSummary
        {
            Region = region,
            Pool = pool.Id,
            Size = n,
            QuotaPoolSize = classes.QuotaPoolSize,
            Benchmarks = benchmarks,
            ClassCounts = counts,
            CutOffs = classes.CutOffs,
        };
    }
}

using MuScore.Core.Indicators;
using MuScore.Core.Records;

namespace MuScore.Core.Rating;

/// <content>Whole <see cref="RowOutcome"/> objects, built on request, and columns built from them.</content>
public sealed partial class RatingResults
{
    /// <summary>The row's outcome as one object (a new one on each call; its rating and items too).</summary>
    public RowOutcome Outcome(int row)
    {
        var rowStatus = status[row];
        var who = source[row];
        return new RowOutcome
        {
            RowNumber = who.RowNumber,
            CreditCode = who.CreditCode,
            Name = who.Name,
            Region = who.Region,
            Status = rowStatus,
            Record = rowStatus == RowStatus.Invalid ? null : who.Record,
            Exclusions = Exclusions(row),
            Problems = rowStatus == RowStatus.Invalid ? ProblemsOf(row, who.Problems) : [],
            Rating = rowStatus == RowStatus.Rated ? Rating(row, who.Record!) : null,
        };
    }

    /// <summary>
    /// The rating of a RATED row as one object (a new one on each call), as <see cref="Outcome"/>
    /// gives it, without the rest of the outcome: for callers that keep ratings, not outcomes.
    /// </summary>
    public EnterpriseRating Rating(int row) => Rating(row, RatedRecord(row));

    /// <summary>Columns over outcomes built elsewhere; rated rows are grouped by region and pool, in the order of <paramref name="pools"/>.</summary>
    internal static RatingResults FromOutcomes(IReadOnlyList<RowOutcome> rows, IReadOnlyList<PoolSummary> pools)
    {
        var n = rows.Count;
        var status = new RowStatus[n];
        var group = new int[n];
        var member = new int[n];
        var groups = new Dictionary<(string Region, string Pool), int>();
        foreach (var pool in pools)
        {
            groups.TryAdd((pool.Region, pool.Pool), groups.Count);
        }

        var firsts = new List<RowOutcome?>(pools.Count);
        var sizes = new List<int>(pools.Count);
        for (var i = 0; i < n; i++)
        {
            var outcome = rows[i];
            status[i] = outcome.Status;
            group[i] = -1;
            if (outcome is { Status: RowStatus.Rated, Rating: { } rating, Record: { } record })
            {
                if (!groups.TryGetValue((record.Region, rating.Pool), out var g))
                {
                    groups[(record.Region, rating.Pool)] = g = groups.Count;
                }

                while (sizes.Count <= g)
                {
                    sizes.Add(0);
                    firsts.Add(null);
                }

                firsts[g] ??= outcome;
                group[i] = g;
                member[i] = sizes[g]++;
            }
            else if (outcome.Status == RowStatus.Excluded)
            {
                member[i] = ExclusionSets.Mask(outcome.Exclusions);
            }
        }

        var columns = new PoolColumns[sizes.Count];
        for (var g = 0; g < columns.Length; g++)
        {
            var first = firsts[g];
            var items = first?.Rating!.Items ?? default;
            columns[g] = new PoolColumns(first?.Record!.Region ?? string.Empty, first?.Rating!.Pool ?? string.Empty, [.. items.Select(x => x.Indicator)], [.. items.Select(x => x.Weight)], sizes[g]);
            for (var k = 0; k < items.Count; k++)
            {
                columns[g].Benchmarks[k] = items[k].Benchmark ?? double.NaN;
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (group[i] >= 0)
            {
                Fill(columns[group[i]], member[i], rows[i].Rating!);
            }
        }

        return new RatingResults(new OutcomeRowSource(rows), status, group, member, columns, []);
    }

    private static void Fill(PoolColumns pool, int m, EnterpriseRating rating)
    {
        pool.QuotaPoolSize = rating.QuotaPoolSize;
        pool.Total[m] = rating.Total;
        pool.Gap[m] = rating.GapToNextClass ?? double.NaN;
        pool.Rank[m] = rating.Rank;
        pool.QuotaRank[m] = rating.QuotaRank ?? 0;
        pool.Class[m] = rating.Class;
        pool.Override[m] = rating.Override;
        pool.ConsecutiveDYears[m] = rating.ConsecutiveDYears;
        for (var k = 0; k < pool.Width && k < rating.Items.Count; k++)
        {
            var item = rating.Items[k];
            pool.Values[(m * pool.Width) + k] = item.Value ?? double.NaN;
            pool.Scores[(m * pool.Width) + k] = item.Score;
            pool.Bases[(m * pool.Width) + k] = (byte)item.Basis;
        }
    }

    private EnterpriseRating Rating(int row, EnterpriseRecord record)
    {
        var pool = pools[group[row]];
        var m = member[row];
        var items = new ItemScore[pool.Width];
        for (var k = 0; k < items.Length; k++)
        {
            var value = pool.Values[(m * pool.Width) + k];
            var benchmark = pool.Benchmarks[k];
            items[k] = new ItemScore(
                pool.Indicators[k],
                double.IsNaN(value) ? null : value,
                double.IsNaN(benchmark) ? null : benchmark,
                pool.Weights[k],
                pool.Scores[(m * pool.Width) + k],
                (ItemBasis)pool.Bases[(m * pool.Width) + k]);
        }

        return new EnterpriseRating
        {
            Pool = pool.Pool,
            LandMu = record.LandMu,
            Items = items,
            Bonus = (double)record.BonusPoints,
            Penalty = (double)record.PenaltyPoints,
            Total = pool.Total[m],
            Rank = pool.Rank[m],
            PoolSize = pool.Size,
            Percentile = 100.0 * pool.Rank[m] / pool.Size,
            QuotaRank = pool.QuotaRank[m] == 0 ? null : pool.QuotaRank[m],
            QuotaPoolSize = pool.QuotaPoolSize,
            Class = pool.Class[m],
            Override = pool.Override[m],
            GapToNextClass = double.IsNaN(pool.Gap[m]) ? null : pool.Gap[m],
            ConsecutiveDYears = pool.ConsecutiveDYears[m],
        };
    }
}

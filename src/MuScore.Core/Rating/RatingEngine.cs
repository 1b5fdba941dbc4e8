using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Core.Rating;

/// <summary>
/// Rates one input table under one scheme for one year (DOMAIN.md §3–§6, §10): validation first
/// (INVALID, duplicates included), then scope (EXCLUDED with every reason), then scoring, ranking
/// and classes per region and pool. Pure and deterministic: the same rows and scheme give the
/// same run, whatever the order of the rows.
/// </summary>
public static class RatingEngine
{
    /// <summary>Rates every row of the request; the run has exactly one outcome per input row, in input order.</summary>
    public static RatingRun Rate(RatingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scheme = request.Scheme;
        var rows = request.Rows;
        var outcomes = new RowOutcome[rows.Count];
        var groups = Triage(request, outcomes);
        var ordered = groups
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Value.Select((members, pool) => (Region: g.Key, Pool: pool, Members: members)))
            .Where(g => g.Members is not null)
            .ToArray();
        var summaries = new PoolSummary[ordered.Length];

        // Pools are independent: rate them in parallel; each writes only its own rows' outcomes.
        Parallel.For(0, ordered.Length, g =>
        {
            var (region, pool, members) = ordered[g];
            summaries[g] = PoolRater.Rate(request, scheme.Pools[pool], region, members!, outcomes);
        });

        return new RatingRun
        {
            SchemeId = scheme.Id,
            SchemeVersion = scheme.Version,
            SchemeHash = SchemeJson.Hash(scheme),
            InputHash = request.InputHash,
            Year = request.Year,
            Region = request.Region,
            Rows = outcomes,
            Pools = summaries,
        };
    }

    /// <summary>Settles INVALID and EXCLUDED rows and groups the rest by region, then pool index.</summary>
    private static Dictionary<string, List<int>?[]> Triage(RatingRequest request, RowOutcome[] outcomes)
    {
        var rows = request.Rows;
        var duplicates = DuplicateFinder.Find(rows);
        var groups = new Dictionary<string, List<int>?[]>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.Record is not { } record || duplicates.ContainsKey(i))
            {
                outcomes[i] = Outcome(row, RowStatus.Invalid) with
                {
                    Problems = duplicates.TryGetValue(i, out var duplicate) ? [.. row.Problems, duplicate] : row.Problems,
                };
                continue;
            }

            var land = record.LandMu;
            var reasons = request.Region is not null && record.Region != request.Region
                ? [ExclusionReason.OtherRegion]
                : ScopeRules.Exclusions(request.Scheme.Exclusions, record, land, request.Year);
            var pool = reasons is null ? ScopeRules.Pool(request.Scheme.Pools, record, land) : -1;
            if (reasons is null && pool < 0)
            {
                reasons = [ExclusionReason.NoPool];
            }

            if (reasons is not null)
            {
                outcomes[i] = Outcome(row, RowStatus.Excluded) with { Record = record, Exclusions = reasons };
                continue;
            }

            if (!groups.TryGetValue(record.Region, out var pools))
            {
                groups[record.Region] = pools = new List<int>?[request.Scheme.Pools.Count];
            }

            (pools[pool] ??= []).Add(i);
        }

        return groups;
    }

    internal static RowOutcome Outcome(ParsedRow row, RowStatus status) => new()
    {
        RowNumber = row.RowNumber,
        CreditCode = row.CreditCodeText,
        Name = row.Name,
        Region = row.RegionText,
        Status = status,
    };
}

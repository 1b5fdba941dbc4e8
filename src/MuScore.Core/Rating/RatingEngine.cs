using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Core.Rating;

/// <summary>
/// Rates one input table under one scheme for one year (docs/method.md §3–§6, §10): validation first
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

        // Duplicates need one pass over all codes; scope is per row. Both only read the rows, so
        // they run side by side, and the scope pass in chunks on every core.
        var duplicatesTask = Task.Run(() => DuplicateFinder.Find(rows));
        var pools = new int[rows.Count];
        var reasons = new List<ExclusionReason>?[rows.Count];
        var chunks = Math.Max(1, Math.Min(Environment.ProcessorCount, rows.Count / 50_000));
        Parallel.For(0, chunks, c =>
        {
            for (var i = rows.Count * c / chunks; i < rows.Count * (c + 1) / chunks; i++)
            {
                (reasons[i], pools[i]) = Scope(request, rows[i].Record);
            }
        });

        var duplicates = duplicatesTask.GetAwaiter().GetResult();
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
            }
            else if (reasons[i] is { } excluded)
            {
                outcomes[i] = Outcome(row, RowStatus.Excluded) with { Record = record, Exclusions = excluded };
            }
            else
            {
                if (!groups.TryGetValue(record.Region, out var regionPools))
                {
                    groups[record.Region] = regionPools = new List<int>?[request.Scheme.Pools.Count];
                }

                (regionPools[pools[i]] ??= []).Add(i);
            }
        }

        return groups;
    }

    /// <summary>A valid record's exclusion reasons, or its pool index; (null, -1) for an invalid row.</summary>
    private static (List<ExclusionReason>? Reasons, int Pool) Scope(RatingRequest request, EnterpriseRecord? record)
    {
        if (record is null)
        {
            return (null, -1);
        }

        if (request.Region is not null && record.Region != request.Region)
        {
            return ([ExclusionReason.OtherRegion], -1);
        }

        var land = record.LandMu;
        var reasons = ScopeRules.Exclusions(request.Scheme.Exclusions, record, land, request.Year);
        if (reasons is not null)
        {
            return (reasons, -1);
        }

        var pool = ScopeRules.Pool(request.Scheme.Pools, record, land);
        return pool < 0 ? ([ExclusionReason.NoPool], -1) : (null, pool);
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

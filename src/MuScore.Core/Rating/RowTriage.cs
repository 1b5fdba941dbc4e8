using MuScore.Core.Records;
using MuScore.Core.Scoring;

namespace MuScore.Core.Rating;

/// <summary>One region's pool to rate: the scheme's pool index and its members' row indices, in input order.</summary>
internal sealed record RatedGroup(string Region, int Pool, int[] Rows);

/// <summary>
/// The engine's first phase: each row read once, INVALID and EXCLUDED rows settled, and the rest
/// grouped by region (ordinal order) and pool (scheme order) into <see cref="Groups"/>.
/// </summary>
internal sealed class RowTriage
{
    private RowTriage(int n)
    {
        Status = new RowStatus[n];
        Group = new int[n];
        Member = new int[n];
        Records = new EnterpriseRecord?[n];
        Lands = new decimal[n];
    }

    public RowStatus[] Status { get; }

    /// <summary>Per RATED row its index in <see cref="Groups"/>; -1 otherwise.</summary>
    public int[] Group { get; }

    /// <summary>Per RATED row its index in its group; per EXCLUDED row its reasons as bits.</summary>
    public int[] Member { get; }

    /// <summary>Each row's record, read once from the request.</summary>
    public EnterpriseRecord?[] Records { get; }

    /// <summary>Evaluated land per row in scope, computed once.</summary>
    public decimal[] Lands { get; }

    public Dictionary<int, FieldProblem> Duplicates { get; private set; } = [];

    public RatedGroup[] Groups { get; private set; } = [];

    public static RowTriage Run(RatingRequest request)
    {
        var rows = request.Rows;
        var triage = new RowTriage(rows.Count);
        var codes = new string?[rows.Count];
        Chunks.For(rows.Count, Chunks.CountFor(rows.Count), (_, start, end) =>
        {
            for (var i = start; i < end; i++)
            {
                triage.Scope(request, i, rows[i], codes);
            }
        });

        // Duplicates need one pass over every code; keying rows by region needs one over the rest.
        // Neither waits for the other.
        var duplicates = Task.Run(() => DuplicateFinder.Find(codes, rows));
        var (keys, regions) = triage.RegionKeys(request.Scheme.Pools.Count);
        triage.Duplicates = duplicates.GetAwaiter().GetResult();
        foreach (var i in triage.Duplicates.Keys)
        {
            // A duplicate is INVALID whatever its scope.
            triage.Status[i] = RowStatus.Invalid;
            triage.Member[i] = 0;
        }

        triage.Groups = triage.GroupRows(keys, regions, request.Scheme.Pools.Count);
        return triage;
    }

    private void Scope(RatingRequest request, int i, ParsedRow row, string?[] codes)
    {
        var record = row.Record;
        Records[i] = record;
        codes[i] = row.CreditCodeValid && row.RegionValid ? row.CreditCodeText : null;
        Group[i] = -1;
        if (record is null)
        {
            Status[i] = RowStatus.Invalid;
            return;
        }

        Status[i] = RowStatus.Excluded;
        if (request.Region is not null && record.Region != request.Region)
        {
            Member[i] = 1 << (int)ExclusionReason.OtherRegion;
            return;
        }

        var land = record.LandMu;
        Lands[i] = land;
        var reasons = ScopeRules.Exclusions(request.Scheme.Exclusions, record, land, request.Year);
        var pool = reasons == 0 ? ScopeRules.Pool(request.Scheme.Pools, record, land) : -1;
        if (reasons == 0 && pool < 0)
        {
            reasons = 1 << (int)ExclusionReason.NoPool;
        }

        Member[i] = reasons;
        if (reasons == 0)
        {
            Status[i] = RowStatus.Rated;
            Group[i] = pool;
        }
    }

    /// <summary>Per row in scope, region index × pools + pool index (-1 otherwise), and the regions by index.</summary>
    private (int[] Keys, List<string> Regions) RegionKeys(int poolCount)
    {
        var keys = new int[Status.Length];
        var regions = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        string? last = null;
        var lastIndex = -1;
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = -1;
            if (Group[i] < 0)
            {
                continue;
            }

            // Region strings repeat row after row (and are often one shared instance): skip the lookup then.
            var region = Records[i]!.Region;
            if (!ReferenceEquals(region, last) && region != last)
            {
                if (!index.TryGetValue(region, out lastIndex))
                {
                    index[region] = lastIndex = regions.Count;
                    regions.Add(region);
                }

                last = region;
            }

            keys[i] = (lastIndex * poolCount) + Group[i];
        }

        return (keys, regions);
    }

    private RatedGroup[] GroupRows(int[] keys, List<string> regions, int poolCount)
    {
        var sizes = new int[regions.Count * poolCount];
        for (var i = 0; i < keys.Length; i++)
        {
            if (Status[i] == RowStatus.Rated)
            {
                sizes[keys[i]]++;
            }
        }

        // Groups ordered by region (ordinal), then pool in scheme order; empty ones dropped.
        var groupOf = new int[sizes.Length];
        var groups = new List<RatedGroup>();
        foreach (var r in Enumerable.Range(0, regions.Count).OrderBy(r => regions[r], StringComparer.Ordinal))
        {
            for (var p = 0; p < poolCount; p++)
            {
                var key = (r * poolCount) + p;
                groupOf[key] = groups.Count;
                if (sizes[key] > 0)
                {
                    groups.Add(new RatedGroup(regions[r], p, new int[sizes[key]]));
                }
            }
        }

        var filled = new int[groups.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            if (Status[i] != RowStatus.Rated)
            {
                Group[i] = -1;
                continue;
            }

            var g = groupOf[keys[i]];
            Group[i] = g;
            Member[i] = filled[g]++;
            groups[g].Rows[Member[i]] = i;
        }

        return [.. groups];
    }
}

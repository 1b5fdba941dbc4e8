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
        var codes = new UInt128[rows.Count];
        var chunks = Chunks.CountFor(rows.Count);
        var regions = new List<string>[chunks];
        var unpacked = new List<int>[chunks];
        Chunks.For(rows.Count, chunks, (c, start, end) =>
        {
            var scope = new ChunkRegions();
            unpacked[c] = [];
            for (var i = start; i < end; i++)
            {
                var row = rows[i];
                triage.Scope(request, i, row);
                if (triage.Group[i] >= 0)
                {
                    // A rated row's Member holds its region's index in the chunk until GroupRows.
                    triage.Member[i] = scope.IndexOf(triage.Records[i]!.Region);
                }

                if (row.CreditCodeValid && row.RegionValid && !CodeKey.TryPack(row.CreditCodeText!, out codes[i]))
                {
                    unpacked[c].Add(i);
                }
            }

            regions[c] = scope.Regions;
        });

        triage.Duplicates = DuplicateFinder.Find(codes, [.. unpacked.SelectMany(u => u)], rows);
        foreach (var i in triage.Duplicates.Keys)
        {
            // A duplicate is INVALID whatever its scope.
            triage.Status[i] = RowStatus.Invalid;
            triage.Member[i] = 0;
        }

        triage.Groups = triage.GroupRows(regions, request.Scheme.Pools.Count);
        return triage;
    }

    private void Scope(RatingRequest request, int i, ParsedRow row)
    {
        var record = row.Record;
        Records[i] = record;
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

    /// <param name="chunkRegions">Each chunk's regions, in the order the chunk met them; a rated row's <see cref="Member"/> indexes its chunk's list.</param>
    /// <param name="poolCount">The scheme's pools.</param>
    private RatedGroup[] GroupRows(List<string>[] chunkRegions, int poolCount)
    {
        // Regions in ordinal order, then pools in scheme order: the group key of a row is
        // region rank × pools + pool.
        var regions = chunkRegions.SelectMany(r => r).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rank = regions.Select((region, r) => (region, r)).ToDictionary(x => x.region, x => x.r, StringComparer.Ordinal);
        var sizes = new int[regions.Count * poolCount];
        for (var c = 0; c < chunkRegions.Length; c++)
        {
            var remap = chunkRegions[c].Select(region => rank[region]).ToArray();
            for (var i = Chunks.Start(Status.Length, chunkRegions.Length, c); i < Chunks.Start(Status.Length, chunkRegions.Length, c + 1); i++)
            {
                if (Status[i] == RowStatus.Rated)
                {
                    // Group goes from the pool to the group key, then (below) to the group's index.
                    Group[i] = (remap[Member[i]] * poolCount) + Group[i];
                    sizes[Group[i]]++;
                }
            }
        }

        // Empty groups dropped.
        var groupOf = new int[sizes.Length];
        var groups = new List<RatedGroup>();
        for (var key = 0; key < sizes.Length; key++)
        {
            groupOf[key] = groups.Count;
            if (sizes[key] > 0)
            {
                groups.Add(new RatedGroup(regions[key / poolCount], key % poolCount, new int[sizes[key]]));
            }
        }

        var filled = new int[groups.Count];
        for (var i = 0; i < Status.Length; i++)
        {
            if (Status[i] != RowStatus.Rated)
            {
                Group[i] = -1;
                continue;
            }

            var g = groupOf[Group[i]];
            Group[i] = g;
            Member[i] = filled[g]++;
            groups[g].Rows[Member[i]] = i;
        }

        return [.. groups];
    }

    /// <summary>One chunk's regions by index; region strings repeat row after row, so the last one is checked first.</summary>
    private sealed class ChunkRegions
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private string? last;
        private int lastIndex;

        public List<string> Regions { get; } = [];

        public int IndexOf(string region)
        {
            if (ReferenceEquals(region, last) || region == last)
            {
                return lastIndex;
            }

            if (!index.TryGetValue(region, out lastIndex))
            {
                index[region] = lastIndex = Regions.Count;
                Regions.Add(region);
            }

            last = region;
            return lastIndex;
        }
    }
}

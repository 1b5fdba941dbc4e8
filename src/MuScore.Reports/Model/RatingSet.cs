using MuScore.Core.Rating;
using MuScore.Core.Schemes;

namespace MuScore.Reports;

/// <summary>
/// The RATED enterprises of one evaluated year under one scheme, with the counts of what was not
/// rated. Enterprises are held by pool, then rank, so every walk over them is deterministic.
/// </summary>
public sealed class RatingSet
{
    private readonly Dictionary<(string Region, string Code), RatedEnterprise> byCode;
    private readonly Dictionary<PoolKey, RatedEnterprise[]> byPool;

    /// <summary>Builds a set; <paramref name="enterprises"/> may come in any order.</summary>
    /// <exception cref="ArgumentException">A credit code repeats within a region.</exception>
    public RatingSet(int year, Scheme scheme, IEnumerable<RatedEnterprise> enterprises, int excluded, int invalid, string source)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(enterprises);
        Year = year;
        Scheme = scheme;
        Excluded = excluded;
        Invalid = invalid;
        Source = source;
        Enterprises = enterprises
            .OrderBy(e => e.PoolKey)
            .ThenBy(e => e.Rank)
            .ThenBy(e => e.CreditCode, StringComparer.Ordinal)
            .ToArray();
        byCode = new Dictionary<(string, string), RatedEnterprise>();
        foreach (var enterprise in Enterprises)
        {
            if (!byCode.TryAdd((enterprise.Region, enterprise.CreditCode), enterprise))
            {
                throw new ArgumentException($"credit_code {enterprise.CreditCode} appears twice in region {enterprise.Region}", nameof(enterprises));
            }
        }

        byPool = Enterprises.GroupBy(e => e.PoolKey).ToDictionary(g => g.Key, g => g.ToArray());
        Pools = byPool.Keys.Order().ToArray();
    }

    /// <summary>The evaluated year.</summary>
    public int Year { get; }

    /// <summary>The scheme the year was rated under.</summary>
    public Scheme Scheme { get; }

    /// <summary>RATED enterprises by region, pool and rank.</summary>
    public IReadOnlyList<RatedEnterprise> Enterprises { get; }

    /// <summary>The pools present, ordered.</summary>
    public IReadOnlyList<PoolKey> Pools { get; }

    /// <summary>EXCLUDED rows.</summary>
    public int Excluded { get; }

    /// <summary>INVALID rows (a publication holds none).</summary>
    public int Invalid { get; }

    /// <summary>Where the set came from, for the report's header (a file name or "publication v2").</summary>
    public string Source { get; }

    /// <summary>The enterprises of a pool by rank.</summary>
    public IReadOnlyList<RatedEnterprise> InPool(PoolKey pool) =>
        byPool.TryGetValue(pool, out var members) ? members : [];

    /// <summary>The enterprise with this code in this region, if rated.</summary>
    public RatedEnterprise? Find(string region, string creditCode) =>
        byCode.GetValueOrDefault((region, creditCode));

    /// <summary>The scheme's rule for a pool.</summary>
    public PoolRule? Rule(PoolKey pool) => Scheme.Pools.FirstOrDefault(p => p.Id == pool.Pool);

    /// <summary>Enterprises per class in a pool, A to D.</summary>
    public int[] ClassCounts(PoolKey pool)
    {
        var counts = new int[4];
        foreach (var enterprise in InPool(pool))
        {
            counts[(int)enterprise.Class]++;
        }

        return counts;
    }

    /// <summary>
    /// The cut-off of a class in a pool: its threshold under a threshold scheme, else the lowest
    /// total among the class's quota-pool members (docs/method.md §6); null when the class is empty.
    /// </summary>
    public double? CutOff(PoolKey pool, RatingClass ratingClass)
    {
        var rules = Scheme.Classification;
        if (rules.Mode == ClassificationMode.Threshold)
        {
            return ratingClass switch
            {
                RatingClass.A => rules.ThresholdA,
                RatingClass.B => rules.ThresholdB,
                RatingClass.C => rules.ThresholdC,
                _ => null,
            };
        }

        double? lowest = null;
        foreach (var enterprise in InPool(pool))
        {
            if (enterprise.QuotaRank is not null && enterprise.Class == ratingClass && (lowest is null || enterprise.Total < lowest))
            {
                lowest = enterprise.Total;
            }
        }

        return lowest;
    }
}

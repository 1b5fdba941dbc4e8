using MuScore.Core.Indicators;
using MuScore.Core.Records;
using MuScore.Core.Schemes;

namespace MuScore.Core.Tests.Builders;

/// <summary>
/// Small schemes written in code. Defaults follow docs/method.md: ratio method, cap 3, utilities
/// 44/45/46 excluded, one year in production, BELOW under 3 mu excluded, quotas 20/40/5, veto on,
/// investment A at 10,000 and protection at 3,000.
/// </summary>
internal sealed class SchemeBuilder
{
    private readonly List<(string Id, Scale? Scale, decimal? MinLand, decimal? MaxLand, List<IndicatorRule> Items)> pools = [];
    private ScoringMethod method = ScoringMethod.Ratio;
    private double cap = 3.0;
    private ExclusionRules exclusions = new([44, 45, 46], 1, 3m);
    private ClassificationRules classification = new(ClassificationMode.Quota, 20m, 40m, 5m, null, null, null);
    private OverrideRules overrides = new(true, 10_000m, 3_000m);

    /// <summary>
    /// One pool "ALL", one item tax_per_mu of weight 1 against a fixed benchmark 1 with a cap no
    /// test reaches: the total is exactly tax / land, so classification tests can state totals.
    /// </summary>
    public static SchemeBuilder TotalIsTaxPerMu() =>
        new SchemeBuilder().Pool("ALL").Item(Indicator.TaxPerMu, 1, Fixed(1)).Cap(1_000_000);

    public static BenchmarkRule Fixed(double value) => new(BenchmarkKind.Fixed, value, 1.0);

    public static BenchmarkRule Aggregate(double factor = 1.0) => new(BenchmarkKind.PoolAggregate, null, factor);

    /// <summary>Starts a pool; following <see cref="Item"/> calls add to it.</summary>
    public SchemeBuilder Pool(string id, Scale? scale = null, decimal? minLand = null, decimal? maxLand = null)
    {
        pools.Add((id, scale, minLand, maxLand, []));
        return this;
    }

    public SchemeBuilder Item(Indicator indicator, double weight, BenchmarkRule benchmark)
    {
        pools[^1].Items.Add(new IndicatorRule(indicator, weight, benchmark));
        return this;
    }

    public SchemeBuilder Cap(double value)
    {
        cap = value;
        return this;
    }

    public SchemeBuilder MinMax()
    {
        method = ScoringMethod.MinMax;
        return this;
    }

    public SchemeBuilder Quota(decimal a, decimal b, decimal d)
    {
        classification = new(ClassificationMode.Quota, a, b, d, null, null, null);
        return this;
    }

    public SchemeBuilder Thresholds(double a, double b, double c)
    {
        classification = new(ClassificationMode.Threshold, 20m, 40m, 5m, a, b, c);
        return this;
    }

    public SchemeBuilder Exclusions(IReadOnlyList<int> utilities, int minYears, decimal? belowMinLand)
    {
        exclusions = new(utilities, minYears, belowMinLand);
        return this;
    }

    public SchemeBuilder Overrides(bool veto, decimal? investmentA, decimal? protection)
    {
        overrides = new(veto, investmentA, protection);
        return this;
    }

    public Scheme Build() => new()
    {
        Id = "test-scheme",
        Version = "1",
        Title = "Scheme built in a test",
        Method = method,
        Cap = cap,
        Exclusions = exclusions,
        Pools = [.. pools.Select(p => new PoolRule(p.Id, null, p.Scale, p.MinLand, p.MaxLand, null, [.. p.Items]))],
        Classification = classification,
        Overrides = overrides,
    };
}

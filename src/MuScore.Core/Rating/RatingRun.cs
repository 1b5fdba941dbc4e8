using System.Runtime.CompilerServices;
using MuScore.Core.Indicators;

namespace MuScore.Core.Rating;

/// <summary>The result of rating one input table under one scheme for one year.</summary>
public sealed record RatingRun
{
    /// <summary>Scheme id.</summary>
    public required string SchemeId { get; init; }

    /// <summary>Scheme version.</summary>
    public required string SchemeVersion { get; init; }

    /// <summary>SHA-256 (hex) of the scheme's canonical JSON.</summary>
    public required string SchemeHash { get; init; }

    /// <summary>SHA-256 (hex) of the input rows' canonical text.</summary>
    public required string InputHash { get; init; }

    /// <summary>Evaluated year.</summary>
    public required int Year { get; init; }

    /// <summary>The region rated, or null when every region of the input was rated.</summary>
    public string? Region { get; init; }

    /// <summary>One outcome per input row, in input order.</summary>
    public required IReadOnlyList<RowOutcome> Rows { get; init; }

    /// <summary>Per region and pool: size, benchmarks and class counts, ordered by region then scheme pool order.</summary>
    public required IReadOnlyList<PoolSummary> Pools { get; init; }

    /// <summary>
    /// The same rows as <see cref="Rows"/>, as columns: allocation-free per-row getters for writers.
    /// An engine run's rows are these columns already; a run built from outcomes gets them built once.
    /// </summary>
    public RatingResults Results =>
        Rows is RowOutcomeList list ? list.Results : Built.GetValue(Rows, _ => RatingResults.FromOutcomes(Rows, Pools));

    // Keyed by the row list, not held in a field: a field would take part in the record's equality
    // and be copied by `with`.
    private static ConditionalWeakTable<IReadOnlyList<RowOutcome>, RatingResults> Built { get; } = [];
}

/// <summary>One pool's figures.</summary>
public sealed record PoolSummary
{
    /// <summary>Region code.</summary>
    public required string Region { get; init; }

    /// <summary>Pool id.</summary>
    public required string Pool { get; init; }

    /// <summary>Rated enterprises in the pool.</summary>
    public required int Size { get; init; }

    /// <summary>Quota pool size (rated minus overridden).</summary>
    public required int QuotaPoolSize { get; init; }

    /// <summary>Benchmarks used, in scheme order; null where undefined (min-max, or Σdenominator = 0).</summary>
    public required IReadOnlyList<(Indicator Indicator, double? Benchmark)> Benchmarks { get; init; }

    /// <summary>Count per class (index = <see cref="RatingClass"/>).</summary>
    public required IReadOnlyList<int> ClassCounts { get; init; }

    /// <summary>Lowest rounded total of each class in the quota pool (the cut-offs); null for an empty class.</summary>
    public required IReadOnlyList<double?> CutOffs { get; init; }
}

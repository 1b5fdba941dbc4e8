using MuScore.Core.Indicators;
using MuScore.Core.Schemes;
using MuScore.Core.Scoring;

namespace MuScore.Core.Rating;

/// <summary>The lowest and highest finite value of an indicator in a pool (min-max scoring).</summary>
/// <param name="Min">Lowest value.</param>
/// <param name="Max">Highest value.</param>
public readonly record struct ValueRange(double Min, double Max);

/// <summary>What <see cref="ClassGap.Rises"/> needs to know about one enterprise and its pool.</summary>
public sealed record ClassGapQuery
{
    /// <summary>The enterprise's items in scheme order.</summary>
    public required IReadOnlyList<ItemScore> Items { get; init; }

    /// <summary>The enterprise's rounded total.</summary>
    public required double Total { get; init; }

    /// <summary>The cut-off of the next class up: the lowest total in it (quota) or its threshold.</summary>
    public required double CutOff { get; init; }

    /// <summary>
    /// True when reaching the cut-off is enough (threshold schemes, construction protection graded
    /// against cut-offs); false for a quota-pool member, who must pass the class's lowest total
    /// (an equal total would be settled by the tax_per_mu tie-break, which one item cannot promise).
    /// </summary>
    public required bool CutOffInclusive { get; init; }

    /// <summary>The scheme's scoring method.</summary>
    public required ScoringMethod Method { get; init; }

    /// <summary>Ratio method: the cap.</summary>
    public double Cap { get; init; } = 3.0;

    /// <summary>Ratio method: the floor.</summary>
    public double Floor { get; init; }

    /// <summary>Min-max method: each indicator's range in the pool.</summary>
    public IReadOnlyDictionary<Indicator, ValueRange>? Ranges { get; init; }
}

/// <summary>
/// Inverts the item scoring functions (docs/method.md §5) to tell an enterprise how much each
/// indicator alone would have to rise to reach the next class. Everything else is held as rated:
/// the other items, bonus and penalty, the benchmarks, the pool's range and the cut-off. Pure.
/// </summary>
public static class ClassGap
{
    /// <summary>
    /// The resolution answers are given in: 0.0001 for indicators that are small ratios
    /// (R&amp;D intensity, tax per kWh, value added per tonne of water), 0.01 (a cent of 万元, or of
    /// the unit) for the rest.
    /// </summary>
    public static double Step(Indicator indicator) => indicator switch
    {
        Indicator.RdIntensity or Indicator.TaxPerKwh or Indicator.VaPerWater => 0.0001,
        _ => 0.01,
    };

    /// <summary>One answer per item, in scheme order.</summary>
    public static IReadOnlyList<IndicatorRise> Rises(ClassGapQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rises = new IndicatorRise[query.Items.Count];
        for (var i = 0; i < rises.Length; i++)
        {
            rises[i] = RiseOf(query, query.Items[i]);
        }

        return rises;
    }

    private static IndicatorRise RiseOf(ClassGapQuery query, ItemScore item)
    {
        var maxScore = query.Method == ScoringMethod.MinMax ? item.Weight : item.Weight * query.Cap;
        if (item.Basis == ItemBasis.ZeroDenominator)
        {
            return Unreachable(query, item, RiseOutcome.ZeroDenominator, maxScore);
        }

        var noRange = query.Method == ScoringMethod.MinMax && (query.Ranges is null || !query.Ranges.ContainsKey(item.Indicator));
        if ((query.Method == ScoringMethod.Ratio && item.Benchmark is not > 0.0) || noRange)
        {
            return Unreachable(query, item, RiseOutcome.NoUsableBenchmark, maxScore);
        }

        if (!Meets(query, TotalWith(query, item, maxScore)))
        {
            return Unreachable(query, item, RiseOutcome.BeyondCap, maxScore);
        }

        var step = Step(item.Indicator);
        var target = Inverse(query, item, item.Score + (query.CutOff - query.Total));
        if (item.Value is { } x)
        {
            var steps = Math.Max(1L, (long)Math.Ceiling((target - x) / step));
            steps = Settle(query, item, x, step, steps, minimum: 1);
            var required = x + (steps * step);
            var after = ScoreAt(query, item, required);
            return new IndicatorRise(item.Indicator, RiseOutcome.Closes, item.Score, maxScore, x, required, steps * step, after, TotalWith(query, item, after));
        }

        // Imputed: the enterprise reports no value, so the answer is a value to report, on the step
        // grid and never below 0 (a loss is no figure to aim for).
        var grid = Settle(query, item, 0.0, step, Math.Max(0L, (long)Math.Ceiling(target / step)), minimum: 0);
        var value = grid * step;
        var score = ScoreAt(query, item, value);
        return new IndicatorRise(item.Indicator, RiseOutcome.ReportAtLeast, item.Score, maxScore, null, value, null, score, TotalWith(query, item, score));
    }

    /// <summary>Moves a first guess on the step grid to the smallest step count that meets the cut-off.</summary>
    private static long Settle(ClassGapQuery query, ItemScore item, double origin, double step, long steps, long minimum)
    {
        // The guess is within a step or two of the answer; floating point decides which.
        while (!Meets(query, TotalWith(query, item, ScoreAt(query, item, origin + (steps * step)))))
        {
            steps++;
        }

        while (steps - 1 >= minimum && Meets(query, TotalWith(query, item, ScoreAt(query, item, origin + ((steps - 1) * step)))))
        {
            steps--;
        }

        return steps;
    }

    /// <summary>The value at which the item would score <paramref name="score"/> (the exact inverse, before stepping).</summary>
    private static double Inverse(ClassGapQuery query, ItemScore item, double score)
    {
        if (query.Method == ScoringMethod.Ratio)
        {
            return score / item.Weight * item.Benchmark!.Value;
        }

        var range = RangeOf(query, item);
        if (range.Max <= range.Min)
        {
            return range.Max;
        }

        var fraction = ((score * 100.0 / item.Weight) - 20.0) / 80.0;
        return range.Min + (fraction * (range.Max - range.Min));
    }

    /// <summary>The item's score at value <paramref name="x"/>, by the scheme's own scoring function.</summary>
    private static double ScoreAt(ClassGapQuery query, ItemScore item, double x)
    {
        var measure = new Measure(FractionKind.Value, x, x > 0.0);
        if (query.Method == ScoringMethod.Ratio)
        {
            return ItemScorer.Ratio(measure, item.Benchmark, item.Weight, query.Floor, query.Cap);
        }

        // A value above the pool's highest becomes the highest.
        var range = RangeOf(query, item);
        return ItemScorer.MinMax(measure, Math.Min(range.Min, x), Math.Max(range.Max, x), item.Weight);
    }

    private static ValueRange RangeOf(ClassGapQuery query, ItemScore item) =>
        query.Ranges is not null && query.Ranges.TryGetValue(item.Indicator, out var range)
            ? range
            : throw new ArgumentException($"min-max scoring needs the pool's range of {item.Indicator.Id()}", nameof(query));

    private static double TotalWith(ClassGapQuery query, ItemScore item, double score) =>
        Math.Round(query.Total - item.Score + score, 6, MidpointRounding.ToEven);

    private static bool Meets(ClassGapQuery query, double total) =>
        query.CutOffInclusive ? total >= query.CutOff : total > query.CutOff;

    private static IndicatorRise Unreachable(ClassGapQuery query, ItemScore item, RiseOutcome outcome, double maxScore)
    {
        var after = outcome == RiseOutcome.BeyondCap ? maxScore : item.Score;
        return new IndicatorRise(item.Indicator, outcome, item.Score, maxScore, item.Value, null, null, after, TotalWith(query, item, after));
    }
}

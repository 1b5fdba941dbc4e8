using MuScore.Core.Indicators;
using MuScore.Core.Rating;

namespace MuScore.Reports;

/// <summary>One indicator of an enterprise against its pool's benchmark, and the points it earned.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Value">The enterprise's value; null when imputed or over a zero denominator.</param>
/// <param name="Benchmark">The pool's benchmark; null when undefined or under min-max scoring.</param>
/// <param name="Weight">The item's weight.</param>
/// <param name="Score">Points earned.</param>
/// <param name="Basis">How the score was reached.</param>
public sealed record IndicatorStanding(Indicator Indicator, double? Value, double? Benchmark, double Weight, double Score, ItemBasis Basis)
{
    /// <summary>Value / benchmark, before the cap; null when either is absent or the benchmark is not positive.</summary>
    public double? RatioToBenchmark => Value is { } x && Benchmark is { } b && b > 0.0 ? x / b : null;
}

using MuScore.Core.Indicators;

namespace MuScore.Core.Rating;

/// <summary>How an item's score was reached.</summary>
public enum ItemBasis
{
    /// <summary>Value compared with the benchmark (or the pool's range).</summary>
    Scored,

    /// <summary>A reported zero denominator: positive numerator earns the cap, else 0.</summary>
    ZeroDenominator,

    /// <summary>Not reported (or employees/revenue 0): scored the pool's mean item score.</summary>
    Imputed,
}

/// <summary>One scored item of a rated enterprise.</summary>
/// <remarks>
/// Absent values are held as NaN rather than as nullable doubles: a million enterprises carry six
/// items each, and 40 bytes an item instead of 56 is a sixth less to allocate and collect.
/// </remarks>
public readonly record struct ItemScore
{
    private readonly double value;
    private readonly double benchmark;

    /// <summary>Creates an item score.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="value">The indicator value; null when imputed or over a zero denominator.</param>
    /// <param name="benchmark">The pool's benchmark (ratio method); null when undefined or min-max.</param>
    /// <param name="weight">The item's weight.</param>
    /// <param name="score">Points earned.</param>
    /// <param name="basis">How the score was reached.</param>
    public ItemScore(Indicator indicator, double? value, double? benchmark, double weight, double score, ItemBasis basis)
    {
        Indicator = indicator;
        this.value = value ?? double.NaN;
        this.benchmark = benchmark ?? double.NaN;
        Weight = weight;
        Score = score;
        Basis = basis;
    }

    /// <summary>The indicator.</summary>
    public Indicator Indicator { get; }

    /// <summary>The indicator value; null when imputed or over a zero denominator.</summary>
    public double? Value => double.IsNaN(value) ? null : value;

    /// <summary>The pool's benchmark (ratio method); null when undefined or min-max.</summary>
    public double? Benchmark => double.IsNaN(benchmark) ? null : benchmark;

    /// <summary>The item's weight.</summary>
    public double Weight { get; }

    /// <summary>Points earned.</summary>
    public double Score { get; }

    /// <summary>How the score was reached.</summary>
    public ItemBasis Basis { get; }

    /// <summary>Whether the item was scored the pool mean because data was missing.</summary>
    public bool Imputed => Basis == ItemBasis.Imputed;
}

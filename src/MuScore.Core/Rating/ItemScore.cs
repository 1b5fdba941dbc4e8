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
/// <param name="Indicator">The indicator.</param>
/// <param name="Value">The indicator value; null when imputed or over a zero denominator.</param>
/// <param name="Benchmark">The pool's benchmark (ratio method); null when undefined or min-max.</param>
/// <param name="Weight">The item's weight.</param>
/// <param name="Score">Points earned.</param>
/// <param name="Basis">How the score was reached.</param>
public readonly record struct ItemScore(
    Indicator Indicator,
    double? Value,
    double? Benchmark,
    double Weight,
    double Score,
    ItemBasis Basis)
{
    /// <summary>Whether the item was scored the pool mean because data was missing.</summary>
    public bool Imputed => Basis == ItemBasis.Imputed;
}

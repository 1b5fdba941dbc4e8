using MuScore.Core.Indicators;

namespace MuScore.Core.Rating;

/// <summary>Whether raising one indicator alone can close an enterprise's gap to the next class.</summary>
public enum RiseOutcome
{
    /// <summary>Raising the reported value by <see cref="IndicatorRise.Rise"/> closes the gap.</summary>
    Closes,

    /// <summary>The item was imputed (not reported): reporting at least <see cref="IndicatorRise.RequiredValue"/> closes the gap.</summary>
    ReportAtLeast,

    /// <summary>Even the item's highest score (cap × weight, or the full weight under min-max) does not close the gap.</summary>
    BeyondCap,

    /// <summary>A reported zero denominator: the item scores the cap or 0 whatever the value, so no rise of the ratio applies.</summary>
    ZeroDenominator,

    /// <summary>The pool's benchmark is 0, undefined or negative (or, under min-max, no one in the pool reported a value): the item does not grow with the value.</summary>
    NoUsableBenchmark,
}

/// <summary>
/// How far one indicator alone would have to rise, other things equal, to lift the enterprise's
/// total over the cut-off of the next class (docs/report.md, "Gap to the next class").
/// </summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Outcome">Whether and how the gap can be closed by this indicator.</param>
/// <param name="Score">The item's score now.</param>
/// <param name="MaxScore">The most the item can score (cap × weight, or the weight under min-max).</param>
/// <param name="CurrentValue">The indicator's value now; null when imputed or over a zero denominator.</param>
/// <param name="RequiredValue">The value that closes the gap (Closes, ReportAtLeast), on the indicator's step.</param>
/// <param name="Rise">RequiredValue − CurrentValue (Closes only): the smallest whole number of steps that closes the gap.</param>
/// <param name="ScoreAfter">The item's score at <see cref="RequiredValue"/>; for BeyondCap the maximum.</param>
/// <param name="TotalAfter">The total with the item at <see cref="ScoreAfter"/>, rounded as totals are.</param>
public sealed record IndicatorRise(
    Indicator Indicator,
    RiseOutcome Outcome,
    double Score,
    double MaxScore,
    double? CurrentValue,
    double? RequiredValue,
    double? Rise,
    double ScoreAfter,
    double TotalAfter)
{
    /// <summary>Rise / |current value| (e.g. 0.25 for +25%); null when not defined.</summary>
    public double? RelativeRise => Rise is { } r && CurrentValue is { } x && x != 0.0 ? r / Math.Abs(x) : null;
}

namespace MuScore.Core.Scoring;

/// <summary>Item-score formulas; pure maths over one value (docs/method.md §5 and §10).</summary>
internal static class ItemScorer
{
    /// <summary>
    /// Ratio method: weight × clamp(r, floor, cap) where r = x / benchmark, with the fixed readings:
    /// zero denominator or benchmark 0 → cap for a positive value, else 0; a negative benchmark → 0.
    /// </summary>
    public static double Ratio(in Measure m, double? benchmark, double weight, double floor, double cap)
    {
        double ratio;
        if (m.Kind == FractionKind.ZeroDenominator)
        {
            ratio = m.PositiveNumerator ? cap : 0.0;
        }
        else
        {
            var x = m.Value;
            ratio = benchmark switch
            {
                null or 0.0 => x > 0.0 ? cap : 0.0,
                < 0.0 => 0.0,
                { } b => x / b,
            };
        }

        return weight * Math.Clamp(ratio, floor, cap);
    }

    /// <summary>
    /// Min-max method (旌德): weight × (20 + 80 × (x − min) / (max − min)) / 100 over the pool's
    /// finite values. Our readings: max = min gives full weight; a zero denominator with a positive
    /// numerator is above every finite value (full weight), otherwise below every one (20%).
    /// </summary>
    public static double MinMax(in Measure m, double min, double max, double weight)
    {
        if (m.Kind == FractionKind.ZeroDenominator)
        {
            return m.PositiveNumerator ? weight : weight * 0.2;
        }

        if (max <= min)
        {
            return weight;
        }

        return weight * (20.0 + (80.0 * (m.Value - min) / (max - min))) / 100.0;
    }
}

namespace MuScore.Core.Scoring;

/// <summary>
/// One member's indicator as scoring needs it: the kind, the value as a double (Value kind), and
/// whether the numerator is positive (ZeroDenominator kind). Compact so a pool's measures stay in cache.
/// </summary>
internal readonly record struct Measure(FractionKind Kind, double Value, bool PositiveNumerator)
{
    public static Measure From(in Fraction f) => f.Kind switch
    {
        FractionKind.Value => new Measure(FractionKind.Value, f.Value, f.Numerator > 0m),
        FractionKind.ZeroDenominator => new Measure(FractionKind.ZeroDenominator, 0.0, f.Numerator > 0m),
        _ => default,
    };
}

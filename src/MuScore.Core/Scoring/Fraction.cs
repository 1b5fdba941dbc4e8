namespace MuScore.Core.Scoring;

/// <summary>How an indicator's fraction stands for one enterprise.</summary>
internal enum FractionKind : byte
{
    /// <summary>Numerator or denominator not reported, or an employees/revenue denominator of 0.</summary>
    Missing,

    /// <summary>Both reported, denominator above 0.</summary>
    Value,

    /// <summary>Both reported, denominator reported as 0.</summary>
    ZeroDenominator,
}

/// <summary>An indicator as numerator over denominator, kept exact for pool aggregates.</summary>
internal readonly record struct Fraction(FractionKind Kind, decimal Numerator, decimal Denominator)
{
    public static Fraction Missing => default;

    public static Fraction Of(decimal? numerator, decimal? denominator, bool zeroIsMissing)
    {
        if (numerator is not { } n || denominator is not { } d)
        {
            return Missing;
        }

        if (d == 0m)
        {
            return zeroIsMissing ? Missing : new Fraction(FractionKind.ZeroDenominator, n, 0m);
        }

        return new Fraction(FractionKind.Value, n, d);
    }

    /// <summary>The value as a double; computed from doubles so it does not depend on decimal scale.</summary>
    public double Value => (double)Numerator / (double)Denominator;
}

using MuScore.Core.Schemes;

namespace MuScore.Core.Scoring;

/// <summary>
/// Benchmarks of docs/method.md §5 and §10: fixed, or the pool's aggregate ratio Σnumerator / Σdenominator
/// times a factor. Sums are exact decimals, so the result does not depend on row order.
/// </summary>
internal struct BenchmarkCalculator
{
    private decimal numerators;
    private decimal denominators;

    /// <summary>Adds one member's fraction; missing ones do not count, a zero denominator adds only its numerator.</summary>
    public void Add(in Fraction f)
    {
        if (f.Kind != FractionKind.Missing)
        {
            numerators += f.Numerator;
            denominators += f.Denominator;
        }
    }

    /// <summary>Adds another calculator's sums (exact, so the order of merging does not matter).</summary>
    public void Add(in BenchmarkCalculator other)
    {
        numerators += other.numerators;
        denominators += other.denominators;
    }

    /// <summary>The benchmark under a rule; null when undefined (Σdenominator = 0).</summary>
    public readonly double? Result(BenchmarkRule rule) => rule.Kind switch
    {
        BenchmarkKind.Fixed => rule.Value,
        _ => denominators == 0m ? null : (double)(numerators / denominators) * rule.Factor,
    };
}

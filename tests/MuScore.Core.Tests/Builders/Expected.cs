using MuScore.Core.Rating;
using MuScore.Core.Records;

namespace MuScore.Core.Tests.Builders;

/// <summary>
/// The formulas of docs/method.md §5, §6 and §10 written out from the text, so expected values are
/// worked out independently of the engine.
/// </summary>
internal static class Expected
{
    /// <summary>Tolerance for item scores: the engine and these formulas may differ in the last bits.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>Σnumerator / Σdenominator over the members reporting both, exact in decimal, times the factor; null when Σdenominator = 0.</summary>
    public static double? Aggregate(IEnumerable<(decimal? Numerator, decimal? Denominator)> members, double factor = 1.0)
    {
        var num = 0m;
        var den = 0m;
        foreach (var (n, d) in members)
        {
            if (n is { } nv && d is { } dv)
            {
                num += nv;
                den += dv;
            }
        }

        return den == 0m ? null : (double)(num / den) * factor;
    }

    /// <summary>
    /// weight × clamp(x / benchmark, 0, cap) with §10's readings: a zero denominator gives the
    /// cap for a positive numerator and 0 otherwise; a benchmark of 0 (or undefined) gives the
    /// cap for a positive value; a negative benchmark gives 0.
    /// </summary>
    public static double Ratio(decimal numerator, decimal denominator, double? benchmark, double weight, double cap = 3.0)
    {
        if (denominator == 0m)
        {
            return numerator > 0m ? weight * cap : 0.0;
        }

        var x = (double)(numerator / denominator);
        if (benchmark is null or 0.0)
        {
            return x > 0 ? weight * cap : 0.0;
        }

        return benchmark < 0 ? 0.0 : weight * Math.Clamp(x / benchmark.Value, 0.0, cap);
    }

    /// <summary>
    /// One item's scores for every member of a pool: the ratio formula where the fraction is
    /// reported, else the mean of the reported members' final scores (0 when none reports it).
    /// A null numerator or denominator means missing.
    /// </summary>
    public static double[] Column(
        IReadOnlyList<EnterpriseRecord> pool,
        Func<EnterpriseRecord, (decimal? Numerator, decimal? Denominator)> fraction,
        double? benchmark,
        double weight,
        double cap = 3.0)
    {
        var scores = pool.Select(r => fraction(r) is (decimal n, decimal d) ? Ratio(n, d, benchmark, weight, cap) : (double?)null).ToArray();
        var mean = Mean([.. scores.Where(s => s is not null).Select(s => s!.Value)]);
        return [.. scores.Select(s => s ?? mean)];
    }

    /// <summary>The mean of the scores of those who have the item; 0 when nobody has it.</summary>
    public static double Mean(params double[] scores) => scores.Length == 0 ? 0.0 : scores.Sum() / scores.Length;

    /// <summary>Total rounded to 6 decimals half-to-even.</summary>
    public static double Round6(double total) => Math.Round(total, 6, MidpointRounding.ToEven);

    /// <summary>Class counts of a quota pool of n with integer arithmetic: ⌊n·a/100⌋ etc.</summary>
    public static (int A, int B, int C, int D) QuotaCounts(int n, int a = 20, int b = 40, int d = 5)
    {
        var lastA = n * a / 100;
        var lastB = n * (a + b) / 100;
        var dCount = n * d / 100;
        return (lastA, lastB - lastA, n - lastB - dCount, dCount);
    }

    /// <summary>The class of 1-based position p among n by docs/method.md §6.</summary>
    public static RatingClass QuotaClass(int p, int n, int a = 20, int b = 40, int d = 5) =>
        p <= n * a / 100 ? RatingClass.A
        : p <= n * (a + b) / 100 ? RatingClass.B
        : p > n - (n * d / 100) ? RatingClass.D
        : RatingClass.C;
}

using MuScore.Core.Rating;

namespace MuScore.Core.Classification;

/// <summary>
/// The quota formula of docs/method.md §6: in a quota pool of n ranked 1..n, position p is A if
/// p ≤ ⌊n·a⌋, else B if p ≤ ⌊n·(a+b)⌋, else D if p &gt; n − ⌊n·d⌋, else C. Shares are percents and
/// the floors are computed exactly in decimal.
/// </summary>
public static class QuotaFormula
{
    /// <summary>The last positions of A and of B, and the number of D places, for a pool of n.</summary>
    public static (int LastA, int LastB, int DCount) Bounds(int n, decimal percentA, decimal percentB, decimal percentD)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return (Floor(n, percentA), Floor(n, percentA + percentB), Floor(n, percentD));
    }

    /// <summary>The class of 1-based position <paramref name="position"/> in a quota pool of <paramref name="n"/>.</summary>
    public static RatingClass ClassOf(int position, int n, decimal percentA, decimal percentB, decimal percentD)
    {
        var (lastA, lastB, dCount) = Bounds(n, percentA, percentB, percentD);
        return ClassOf(position, n, lastA, lastB, dCount);
    }

    internal static RatingClass ClassOf(int position, int n, int lastA, int lastB, int dCount)
    {
        if (position <= lastA)
        {
            return RatingClass.A;
        }

        if (position <= lastB)
        {
            return RatingClass.B;
        }

        return position > n - dCount ? RatingClass.D : RatingClass.C;
    }

    private static int Floor(int n, decimal percent) => (int)decimal.Floor(n * percent / 100m);
}

namespace MuScore.LoadBench.Common;

/// <summary>Summary of measured latencies, in milliseconds, by the nearest-rank method.</summary>
internal readonly record struct Percentiles(int Count, double P50, double P99, double Max, double Mean)
{
    public static Percentiles Of(IReadOnlyList<double> samples)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("no samples", nameof(samples));
        }

        var sorted = samples.Order().ToArray();
        return new Percentiles(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1], sorted.Average());
    }

    private static double Rank(double[] sorted, double quantile)
    {
        var rank = (int)Math.Ceiling(quantile * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}

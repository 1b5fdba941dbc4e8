namespace MuScore.Core.Sampling;

/// <summary>
/// A SplitMix64 generator with the few distributions the sample generator needs. It uses only
/// integer arithmetic and IEEE +, −, ×, ÷ (no library Log/Exp, whose last bits may differ between
/// runtimes), so a seed gives the same sample on every machine and every .NET version.
/// </summary>
internal sealed class SampleRandom
{
    private const double Ln2 = 0.6931471805599453;
    private ulong state;

    public SampleRandom(ulong seed) => state = seed;

    /// <summary>A generator for one stream of a seed (e.g. one enterprise's identity or one year).</summary>
    public static SampleRandom For(long seed, long stream, long salt) =>
        new(Mix(Mix(unchecked((ulong)seed) ^ 0x9E3779B97F4A7C15UL) ^ Mix(unchecked((ulong)stream) + 0x632BE59BD9B4E019UL) ^ unchecked((ulong)salt * 0xD6E8FEB86659FD93UL)));

    public ulong NextUInt64()
    {
        state = unchecked(state + 0x9E3779B97F4A7C15UL);
        return Mix(state);
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, count).</summary>
    public int Next(int count) => (int)(NextDouble() * count);

    /// <summary>Uniform integer in [min, max] inclusive.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>True with the given probability.</summary>
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>An approximately standard normal draw (Irwin–Hall sum of 12 uniforms, bounded to ±6).</summary>
    public double Normal()
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += NextDouble();
        }

        return sum - 6.0;
    }

    /// <summary>A log-normal draw with the given median and log-scale spread.</summary>
    public double LogNormal(double median, double sigma) => median * Exp(sigma * Normal());

    /// <summary>Picks an index with probability proportional to its weight.</summary>
    public int Pick(IReadOnlyList<int> weights)
    {
        var total = 0;
        foreach (var w in weights)
        {
            total += w;
        }

        var target = Next(total);
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }

        return weights.Count - 1;
    }

    /// <summary>e^x by range reduction and a Taylor series: bit-stable, accurate to a few ulps for |x| ≤ 30.</summary>
    public static double Exp(double x)
    {
        var k = (int)Math.Round(x / Ln2);
        var r = x - (k * Ln2);
        double term = 1.0, sum = 1.0;
        for (var n = 1; n < 20; n++)
        {
            term = term * r / n;
            sum += term;
        }

        return Math.ScaleB(sum, k);
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}

namespace MuScore.Core.Tests.Properties;

/// <summary>SplitMix64: a tiny deterministic generator, so every property run sees the same pools.</summary>
internal sealed class Prng(ulong seed)
{
    private ulong state = seed;

    public ulong NextULong()
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform in [0, max).</summary>
    public int Next(int max) => (int)(NextULong() % (ulong)max);

    /// <summary>Uniform in [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(int percent) => Next(100) < percent;

    /// <summary>A number with two decimals in [0, max].</summary>
    public decimal Amount(int max) => Between(0, max * 100) / 100m;

    /// <summary>Fisher–Yates shuffle into a new array.</summary>
    public T[] Shuffle<T>(IReadOnlyList<T> items)
    {
        var copy = items.ToArray();
        for (var i = copy.Length - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }

        return copy;
    }
}

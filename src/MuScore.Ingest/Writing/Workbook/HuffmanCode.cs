namespace MuScore.Ingest;

/// <summary>
/// Length-limited canonical Huffman codes for deflate (RFC 1951 §3.2.2): code lengths from symbol
/// frequencies, then the codes themselves, bit-reversed because deflate packs them from the low
/// bit. Ties are broken by symbol, so the same frequencies always give the same code.
/// </summary>
internal static class HuffmanCode
{
    /// <summary>
    /// Fills <paramref name="lengths"/> (one per symbol) for <paramref name="frequencies"/>, no code
    /// longer than <paramref name="maxBits"/>. At least two symbols get a code (a one-symbol code is
    /// incomplete, which some inflaters refuse), so unused symbols 0 or 1 may get one.
    /// </summary>
    public static void Lengths(ReadOnlySpan<int> frequencies, Span<byte> lengths, int maxBits)
    {
        lengths.Clear();
        var used = new List<int>(frequencies.Length);
        for (var s = 0; s < frequencies.Length; s++)
        {
            if (frequencies[s] > 0)
            {
                used.Add(s);
            }
        }

        for (var filler = 0; used.Count < 2; filler++)
        {
            if (!used.Contains(filler))
            {
                used.Add(filler);
            }
        }

        // Least frequent first; equal frequencies by symbol.
        var keys = new long[used.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)Math.Max(1, frequencies[used[i]]) << 16) | (uint)used[i];
        }

        Array.Sort(keys);
        var symbols = keys.Select(k => (int)(k & 0xFFFF)).ToArray();
        var weights = keys.Select(k => k >> 16).ToArray();
        var depths = TreeDepths(weights);
        LimitDepths(depths, maxBits);

        // depths is sorted deepest first after limiting: hand the longest codes to the rarest symbols.
        for (var i = 0; i < symbols.Length; i++)
        {
            lengths[symbols[i]] = (byte)depths[i];
        }
    }

    /// <summary>The canonical code of each symbol with a length, bit-reversed (RFC 1951 §3.2.2).</summary>
    public static void Codes(ReadOnlySpan<byte> lengths, Span<ushort> codes)
    {
        Span<int> count = stackalloc int[16];
        Span<int> next = stackalloc int[16];
        count.Clear();
        foreach (var length in lengths)
        {
            count[length]++;
        }

        count[0] = 0;
        var code = 0;
        for (var bits = 1; bits < 16; bits++)
        {
            code = (code + count[bits - 1]) << 1;
            next[bits] = code;
        }

        for (var s = 0; s < lengths.Length; s++)
        {
            var length = lengths[s];
            codes[s] = length == 0 ? (ushort)0 : Reverse(next[length]++, length);
        }
    }

    private static ushort Reverse(int code, int length)
    {
        var reversed = 0;
        for (var i = 0; i < length; i++)
        {
            reversed = (reversed << 1) | ((code >> i) & 1);
        }

        return (ushort)reversed;
    }

    /// <summary>Depths of the leaves of a Huffman tree over <paramref name="weights"/> (ascending), deepest first.</summary>
    private static int[] TreeDepths(long[] weights)
    {
        // Two queues: the sorted leaves, and internal nodes, which are made in non-decreasing weight.
        var n = weights.Length;
        var parent = new int[(2 * n) - 1];
        var weight = new long[(2 * n) - 1];
        weights.CopyTo(weight, 0);
        int leaf = 0, inner = n, made = n;
        while (made < (2 * n) - 1)
        {
            var a = Smallest(ref leaf, ref inner, n, made, weight);
            var b = Smallest(ref leaf, ref inner, n, made, weight);
            weight[made] = weight[a] + weight[b];
            parent[a] = made;
            parent[b] = made;
            made++;
        }

        var depth = new int[(2 * n) - 1];
        for (var node = made - 2; node >= 0; node--)
        {
            depth[node] = depth[parent[node]] + 1;
        }

        // Leaves in ascending weight have non-increasing depth; keep that order.
        var result = depth.AsSpan(0, n).ToArray();
        Array.Sort(result, (x, y) => y.CompareTo(x));
        return result;
    }

    private static int Smallest(ref int leaf, ref int inner, int n, int made, long[] weight)
    {
        if (leaf < n && (inner >= made || weight[leaf] <= weight[inner]))
        {
            return leaf++;
        }

        return inner++;
    }

    /// <summary>
    /// Caps depths (sorted deepest first) at <paramref name="maxBits"/> and repairs the Kraft sum by
    /// deepening the deepest codes that are still short enough (the way miniz and zlib do).
    /// </summary>
    private static void LimitDepths(int[] depths, int maxBits)
    {
        var perLength = new int[maxBits + 1];
        foreach (var d in depths)
        {
            perLength[Math.Min(d, maxBits)]++;
        }

        long total = 0;
        for (var bits = maxBits; bits > 0; bits--)
        {
            total += (long)perLength[bits] << (maxBits - bits);
        }

        while (total > 1L << maxBits)
        {
            perLength[maxBits]--;
            for (var bits = maxBits - 1; bits > 0; bits--)
            {
                if (perLength[bits] > 0)
                {
                    perLength[bits]--;
                    perLength[bits + 1] += 2;
                    break;
                }
            }

            total--;
        }

        var i = 0;
        for (var bits = maxBits; bits > 0; bits--)
        {
            for (var k = 0; k < perLength[bits]; k++)
            {
                depths[i++] = bits;
            }
        }
    }
}

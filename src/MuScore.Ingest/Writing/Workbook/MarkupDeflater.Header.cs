namespace MuScore.Ingest;

/// <summary>The header of a <see cref="MarkupDeflater"/> block: its two Huffman codes, sent as run-length coded code lengths (RFC 1951 §3.2.7).</summary>
internal sealed partial class MarkupDeflater
{
    /// <summary>The block header: BFINAL 0, BTYPE 10, and both codes sent as run-length coded lengths.</summary>
    private void WriteHeader(ref DeflateBitWriter writer)
    {
        HuffmanCode.Lengths(literalFrequencies, literalLengths, 15);
        HuffmanCode.Lengths(distanceFrequencies, distanceLengths, 15);
        HuffmanCode.Codes(literalLengths, literalCodes);
        HuffmanCode.Codes(distanceLengths, distanceCodes);
        var literalCount = LiteralSymbols;
        while (literalCount > 257 && literalLengths[literalCount - 1] == 0)
        {
            literalCount--;
        }

        var distanceCount = DistanceSymbols;
        while (distanceCount > 1 && distanceLengths[distanceCount - 1] == 0)
        {
            distanceCount--;
        }

        var lengths = new byte[literalCount + distanceCount];
        literalLengths.AsSpan(0, literalCount).CopyTo(lengths);
        distanceLengths.AsSpan(0, distanceCount).CopyTo(lengths.AsSpan(literalCount));
        var runs = CodeLengthRuns(lengths);
        var frequencies = new int[19];
        foreach (var (symbol, _) in runs)
        {
            frequencies[symbol]++;
        }

        var codeLengths = new byte[19];
        var codes = new ushort[19];
        HuffmanCode.Lengths(frequencies, codeLengths, 7);
        HuffmanCode.Codes(codeLengths, codes);
        var sent = CodeLengthOrder.Length;
        while (sent > 4 && codeLengths[CodeLengthOrder[sent - 1]] == 0)
        {
            sent--;
        }

        writer.Write(0b100, 3);
        writer.Write((uint)(literalCount - 257), 5);
        writer.Write((uint)(distanceCount - 1), 5);
        writer.Write((uint)(sent - 4), 4);
        for (var i = 0; i < sent; i++)
        {
            writer.Write(codeLengths[CodeLengthOrder[i]], 3);
        }

        foreach (var (symbol, extra) in runs)
        {
            writer.Write(codes[symbol], codeLengths[symbol]);
            switch (symbol)
            {
                case 16:
                    writer.Write((uint)extra, 2);
                    break;
                case 17:
                    writer.Write((uint)extra, 3);
                    break;
                case 18:
                    writer.Write((uint)extra, 7);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Code lengths as the symbols of the code-length code: 16 repeats the last length, 17 and 18 are runs of zeros.</summary>
    private static List<(int Symbol, int Extra)> CodeLengthRuns(byte[] lengths)
    {
        var runs = new List<(int, int)>();
        for (var i = 0; i < lengths.Length;)
        {
            var length = lengths[i];
            var run = 1;
            while (i + run < lengths.Length && lengths[i + run] == length)
            {
                run++;
            }

            i += run;
            if (length == 0)
            {
                for (; run >= 11; run -= Math.Min(run, 138))
                {
                    runs.Add((18, Math.Min(run, 138) - 11));
                }

                if (run >= 3)
                {
                    runs.Add((17, run - 3));
                    run = 0;
                }
            }
            else
            {
                runs.Add((length, 0));
                for (run--; run >= 3; run -= Math.Min(run, 6))
                {
                    runs.Add((16, Math.Min(run, 6) - 3));
                }
            }

            for (; run > 0; run--)
            {
                runs.Add((length, 0));
            }
        }

        return runs;
    }
}

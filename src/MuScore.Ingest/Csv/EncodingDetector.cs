using System.Text;
using System.Text.Unicode;

namespace MuScore.Ingest;

/// <summary>The decoding chosen for a CSV file.</summary>
/// <param name="Encoding">A strict decoder: invalid bytes throw instead of becoming U+FFFD.</param>
/// <param name="BomLength">Bytes of byte-order mark to skip.</param>
/// <param name="Format">The <see cref="InputTable.Format"/> name.</param>
internal readonly record struct DetectedEncoding(Encoding Encoding, int BomLength, string Format);

/// <summary>
/// Chooses how to decode a CSV from its first bytes: a BOM decides; else strict UTF-8 validity of
/// the sampled head; else GB18030. Every decoder is strict so a mixed-up file fails loudly.
/// </summary>
internal static class EncodingDetector
{
    /// <summary>How much of the file is sampled: 1 MiB.</summary>
    public const int SampleSize = 1 << 20;

    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        // In the shared framework; registering the same provider twice is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    private static readonly Encoding Utf8Strict = new UTF8Encoding(false, true);

    /// <summary>Detects the encoding of <paramref name="head"/>; <paramref name="complete"/> when it is the whole file.</summary>
    public static DetectedEncoding Detect(ReadOnlySpan<byte> head, bool complete, CsvEncoding requested)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new(Utf8Strict, 3, "csv-utf8-bom");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new(new UnicodeEncoding(false, false, true), 2, "csv-utf16le");
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(new UnicodeEncoding(true, false, true), 2, "csv-utf16be");
        }

        return requested switch
        {
            CsvEncoding.Utf8 => new(Utf8Strict, 0, "csv-utf8"),
            CsvEncoding.Gb18030 => new(Gb18030.Value, 0, "csv-gb18030"),
            _ => IsUtf8(head, complete) ? new(Utf8Strict, 0, "csv-utf8") : new(Gb18030.Value, 0, "csv-gb18030"),
        };
    }

    /// <summary>Whether the bytes look binary: any NUL byte (text in UTF-8 or GB18030 never holds one).</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> head) => head.Contains((byte)0);

    /// <summary>
    /// Strict UTF-8 validity; when the sample stops inside the file, a multi-byte sequence cut at
    /// its end is allowed.
    /// </summary>
    internal static bool IsUtf8(ReadOnlySpan<byte> head, bool complete)
    {
        if (!complete)
        {
            head = head[..^IncompleteTailLength(head)];
        }

        return Utf8.IsValid(head);
    }

    private static int IncompleteTailLength(ReadOnlySpan<byte> bytes)
    {
        // Walk back over at most 3 continuation bytes to the lead byte of the last sequence.
        for (var back = 1; back <= Math.Min(4, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? back : 0;
        }

        return 0;
    }
}

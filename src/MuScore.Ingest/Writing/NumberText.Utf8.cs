using System.Globalization;

namespace MuScore.Ingest;

/// <content>
/// The same texts as the string formats, written as UTF-8 bytes into a caller's buffer: a million
/// rows of ratings.csv hold some twenty numbers each, and a string per number was most of the
/// writer's allocation.
/// </content>
public static partial class NumberText
{
    /// <summary>
    /// Room enough for any text here: the pattern has no exponent, so double.MaxValue is written
    /// with all its 309 integer digits (a sign, a point and 6 decimals more).
    /// </summary>
    public const int MaxUtf8Length = 320;

    // Below this magnitude a value rounded to 6 decimals has at most 15 significant digits, which a
    // double holds exactly as decimal text; its text is then the integer k = value × 10⁶ with a
    // point put in. Larger values go through the custom format, as the string path does.
    private const double ExactDigitsLimit = 1e9;

    /// <summary>Millionths in one unit of a decimal's last place, by its scale (0 to 6).</summary>
    private static readonly ulong[] MillionthsPerUnit = [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    /// <summary>Writes <see cref="Format(double)"/>'s text as UTF-8; <paramref name="destination"/> holds at least <see cref="MaxUtf8Length"/> bytes.</summary>
    public static int FormatUtf8(double value, Span<byte> destination)
    {
        if (!double.IsFinite(value))
        {
            return Written(value.TryFormat(destination, out var special, default, CultureInfo.InvariantCulture), special);
        }

        // Math.Round(value, 6) is Round(value · 10⁶) / 10⁶ (the runtime rounds to digits so), so one
        // rounding gives the millionths k of the text's value: zero exactly when the value rounds to
        // zero, and |k| ≥ 10¹⁵ exactly when the rounded value is ≥ 10⁹ (XlsxNumbers.Of reads it so too).
        var scaled = Math.Round(value * 1e6, MidpointRounding.ToEven);
        if (scaled == 0)
        {
            destination[0] = (byte)'0';
            return 1;
        }

        if (!(Math.Abs(scaled) < ExactDigitsLimit * 1e6))
        {
            var rounded = Math.Round(value, 6, MidpointRounding.ToEven);
            return Written(rounded.TryFormat(destination, out var large, Pattern, CultureInfo.InvariantCulture), large);
        }

        // Unchecked: |k| < 10¹⁵ fits a long, and the checked conversion is a call into the runtime per number.
        return WriteMillionths(unchecked((long)scaled), destination);
    }

    /// <summary>
    /// Writes k / 10⁶ as UTF-8 with at most 6 decimals and no trailing zeros (the texts of the
    /// formats here); shared with ratings.xlsx, whose cells hold the same numbers as millionths.
    /// </summary>
    internal static int WriteMillionths(long millionths, Span<byte> destination)
    {
        // Digits from a table rather than long.TryFormat and a loop of divisions: some 60 million
        // numbers of ratings.csv and ratings.xlsx at 1M rows go through here. The six fraction
        // digits are written, then the trailing zeros dropped, so the destination needs 6 bytes
        // after the point (every caller's holds at least XlsxNumbers.MaxLength).
        var length = 0;
        var magnitude = unchecked((ulong)millionths);
        if (millionths < 0)
        {
            destination[length++] = (byte)'-';
            magnitude = unchecked(0UL - magnitude);
        }

        var whole = magnitude / 1_000_000UL;
        var fraction = (uint)(magnitude - (whole * 1_000_000UL));
        length += AsciiDigits.Write(whole, destination[length..]);
        if (fraction == 0)
        {
            return length;
        }

        destination[length++] = (byte)'.';
        AsciiDigits.WriteSix(fraction, destination[length..]);
        var places = 6;
        while (destination[length + places - 1] == (byte)'0')
        {
            places--;
        }

        return length + places;
    }

    /// <summary>Writes <see cref="Format(double?)"/>'s text as UTF-8 (nothing for null).</summary>
    public static int FormatUtf8(double? value, Span<byte> destination) => value is { } v ? FormatUtf8(v, destination) : 0;

    /// <summary>Writes <see cref="Format(decimal)"/>'s text as UTF-8.</summary>
    public static int FormatUtf8(decimal value, Span<byte> destination)
    {
        // A decimal of at most 6 places is its own rounding: its text is its millionths with a point
        // put in. Every row of ratings.csv has one (the land area), and the custom format is slow.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] == 0 && scale <= 6)
        {
            var magnitude = unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
            var factor = MillionthsPerUnit[scale];
            if (magnitude <= long.MaxValue / factor)
            {
                if (magnitude == 0)
                {
                    destination[0] = (byte)'0';
                    return 1;
                }

                var millionths = unchecked((long)(magnitude * factor));
                return WriteMillionths(bits[3] < 0 ? -millionths : millionths, destination);
            }
        }

        var rounded = Math.Round(value, 6, MidpointRounding.ToEven);
        if (rounded == 0m)
        {
            destination[0] = (byte)'0';
            return 1;
        }

        return Written(rounded.TryFormat(destination, out var written, Pattern, CultureInfo.InvariantCulture), written);
    }

    /// <summary>Writes <see cref="Format(int)"/>'s text as UTF-8.</summary>
    public static int FormatUtf8(int value, Span<byte> destination) =>
        Written(value.TryFormat(destination, out var written, default, CultureInfo.InvariantCulture), written);

    private static int Written(bool done, int written) =>
        done ? written : throw new ArgumentException($"A number's text needs a destination of up to {MaxUtf8Length} bytes.");
}

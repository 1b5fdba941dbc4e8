namespace MuScore.Ingest;

/// <summary>
/// Decimal digits of a non-negative integer as ASCII, two at a time from a table: ratings.csv and
/// ratings.xlsx write some 60 million numbers at 1M rows, and the general formatter's culture
/// and format handling cost more than the digits themselves.
/// </summary>
internal static class AsciiDigits
{
    /// <summary>"00" … "99".</summary>
    private static ReadOnlySpan<byte> Pairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>Writes <paramref name="value"/>'s digits (no sign, no leading zeros) into <paramref name="destination"/>; returns how many.</summary>
    public static int Write(ulong value, Span<byte> destination)
    {
        // Most numbers of a ratings row are short (indices, counts, the whole part of a score):
        // one or two digits go straight out, and up to 32 bits the divisions are 32-bit ones.
        if (value < 10)
        {
            destination[0] = (byte)('0' + value);
            return 1;
        }

        if (value < 100)
        {
            var pair = (int)value * 2;
            destination[1] = Pairs[pair + 1];
            destination[0] = Pairs[pair];
            return 2;
        }

        return value <= uint.MaxValue ? Write32((uint)value, destination) : Write64(value, destination);
    }

    /// <summary>Writes <paramref name="value"/> with a minus sign when negative; returns the bytes written.</summary>
    public static int WriteSigned(long value, Span<byte> destination)
    {
        if (value >= 0)
        {
            return Write((ulong)value, destination);
        }

        destination[0] = (byte)'-';
        return 1 + Write(unchecked(0UL - (ulong)value), destination[1..]);
    }

    /// <summary>Writes <paramref name="value"/> as exactly six digits, leading zeros kept (a fraction of millionths).</summary>
    public static void WriteSix(uint value, Span<byte> destination)
    {
        _ = destination[5];
        var high = (int)(value / 10_000);
        var low = (int)(value % 10_000);
        var mid = low / 100;
        low %= 100;
        destination[0] = Pairs[high * 2];
        destination[1] = Pairs[(high * 2) + 1];
        destination[2] = Pairs[mid * 2];
        destination[3] = Pairs[(mid * 2) + 1];
        destination[4] = Pairs[low * 2];
        destination[5] = Pairs[(low * 2) + 1];
    }

    private static int Write32(uint value, Span<byte> destination)
    {
        var length = Count(value);
        var at = length;
        _ = destination[length - 1];
        while (value >= 100)
        {
            var pair = (int)(value % 100) * 2;
            value /= 100;
            at -= 2;
            destination[at + 1] = Pairs[pair + 1];
            destination[at] = Pairs[pair];
        }

        WriteLead((int)value, destination, at);
        return length;
    }

    private static int Write64(ulong value, Span<byte> destination)
    {
        // Above 32 bits: the low nine digits by 32-bit arithmetic after one 64-bit division.
        var high = value / 1_000_000_000UL;
        var low = (uint)(value - (high * 1_000_000_000UL));
        var length = Write(high, destination);
        var at = length + 9;
        _ = destination[at - 1];
        for (var i = 0; i < 4; i++)
        {
            var pair = (int)(low % 100) * 2;
            low /= 100;
            at -= 2;
            destination[at + 1] = Pairs[pair + 1];
            destination[at] = Pairs[pair];
        }

        destination[at - 1] = (byte)('0' + low);
        return length + 9;
    }

    /// <summary>The first one or two digits, ending just before <paramref name="at"/>.</summary>
    private static void WriteLead(int value, Span<byte> destination, int at)
    {
        if (value >= 10)
        {
            destination[at - 1] = Pairs[(value * 2) + 1];
            destination[at - 2] = Pairs[value * 2];
        }
        else
        {
            destination[at - 1] = (byte)('0' + value);
        }
    }

    private static int Count(uint value) =>
        value < 1000 ? 3
        : value < 10_000 ? 4
        : value < 100_000 ? 5
        : value < 1_000_000 ? 6
        : value < 10_000_000 ? 7
        : value < 100_000_000 ? 8
        : value < 1_000_000_000 ? 9
        : 10;
}

namespace MuScore.Core.Records;

/// <summary>
/// An exact <see cref="decimal"/> (or null) in 8 bytes instead of 16 (24 when nullable): the
/// 56-bit magnitude, scale and sign of nearly every reported figure fit a <see cref="ulong"/>.
/// A value that does not (a magnitude of 2^56 or more, e.g. 18 significant digits) is kept whole
/// in its record's overflow array and the packed word holds its index there. Packing is exact:
/// value, scale and sign come back unchanged, so "12.50" is still 12.50.
/// </summary>
/// <remarks>
/// Layout: bits 0–55 magnitude (or overflow index), 56–60 scale (0–28), 61 overflow, 62 present
/// (0 means null: a record's unset nullable figure is null, an unset plain one 0), 63 negative.
/// </remarks>
internal static class PackedDecimal
{
    private const ulong MagnitudeMask = (1UL << 56) - 1;
    private const int ScaleShift = 56;
    private const ulong ScaleMask = 0x1F;
    private const ulong Overflow = 1UL << 61;
    private const ulong Present = 1UL << 62;
    private const ulong Negative = 1UL << 63;

    /// <summary>Packs <paramref name="value"/>; a value too wide to pack is appended to a copy of <paramref name="overflow"/>.</summary>
    public static ulong Pack(decimal? value, ref decimal[]? overflow)
    {
        if (value is not { } number)
        {
            return 0;
        }

        // Bits, not numbers: the casts reinterpret, they must not be overflow-checked (the build checks by default).
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(number, bits);
        var magnitude = unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        if (bits[2] == 0 && magnitude <= MagnitudeMask)
        {
            var scale = (ulong)((bits[3] >> 16) & 0xFF);
            return Present | (bits[3] < 0 ? Negative : 0) | (scale << ScaleShift) | magnitude;
        }

        // Copied, never grown in place: a `with` copy of a record shares the array with its original.
        overflow = overflow is null ? [number] : [.. overflow, number];
        return Present | Overflow | (uint)(overflow.Length - 1);
    }

    /// <summary>The value <paramref name="packed"/> holds; null for an unset or null one.</summary>
    public static decimal? Unpack(ulong packed, decimal[]? overflow)
    {
        if ((packed & Present) == 0)
        {
            return null;
        }

        if ((packed & Overflow) != 0)
        {
            return overflow![(int)(packed & MagnitudeMask)];
        }

        var magnitude = packed & MagnitudeMask;
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, (packed & Negative) != 0, (byte)((packed >> ScaleShift) & ScaleMask));
    }
}

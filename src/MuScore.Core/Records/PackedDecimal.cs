using System.Runtime.CompilerServices;

namespace MuScore.Core.Records;

/// <summary>
/// An exact <see cref="decimal"/> (or null) in 4 bytes instead of 16 (24 when nullable): the
/// magnitude, scale and sign of nearly every reported figure fit a <see cref="uint"/> (in the
/// 1M-row sample, 0.04 % of rows have one figure that does not). A value that does not (a
/// magnitude of 2^26 or more, or more than 7 decimals) is kept whole in its record's overflow
/// array and the packed word holds its index there. Packing is exact: value, scale and sign come
/// back unchanged, so "12.50" is still 12.50.
/// </summary>
/// <remarks>
/// Layout: bits 0–25 magnitude (or overflow index), 26–28 scale (0–7), 29 overflow, 30 present
/// (0 means null: a record's unset nullable figure is null, an unset plain one 0), 31 negative.
/// </remarks>
internal static class PackedDecimal
{
    private const uint MagnitudeMask = (1U << 26) - 1;
    private const int ScaleShift = 26;
    private const uint ScaleMask = 0x7;
    private const uint Overflow = 1U << 29;
    private const uint Present = 1U << 30;
    private const uint Negative = 1U << 31;

    /// <summary>Packs <paramref name="value"/>; a value too wide to pack is appended to a copy of <paramref name="overflow"/>.</summary>
    public static uint Pack(decimal? value, ref decimal[]? overflow)
    {
        if (value is not { } number)
        {
            return 0;
        }

        // Bits, not numbers: the casts reinterpret, they must not be overflow-checked (the build checks by default).
        // An inline array, not stackalloc: eighteen packs a row, and a stackalloc brings a stack-cookie check to each.
        var bits = default(DecimalBits);
        decimal.GetBits(number, bits);
        var magnitude = unchecked((uint)bits[0]);
        var scale = unchecked((uint)((bits[3] >> 16) & 0xFF));
        if (bits[2] == 0 && bits[1] == 0 && magnitude <= MagnitudeMask && scale <= ScaleMask)
        {
            return Present | (bits[3] < 0 ? Negative : 0) | (scale << ScaleShift) | magnitude;
        }

        return PackOverflow(number, ref overflow);
    }

    /// <summary>
    /// Packs a short number's parts (<see cref="CellParsers.TryShortNumber"/>) without building its
    /// decimal: the same word <see cref="Pack"/> gives that decimal.
    /// </summary>
    public static uint PackShort(ulong mantissa, int scale, bool negative, ref decimal[]? overflow) =>
        mantissa <= MagnitudeMask && (uint)scale <= ScaleMask
            ? Present | (negative ? Negative : 0) | ((uint)scale << ScaleShift) | (uint)mantissa
            : PackOverflow(CellParsers.ShortDecimal(mantissa, scale, negative), ref overflow);

    /// <summary>Appends a value too wide to pack to a copy of <paramref name="overflow"/>; kept apart, as few values take it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static uint PackOverflow(decimal number, ref decimal[]? overflow)
    {
        // Copied, never grown in place: a `with` copy of a record shares the array with its original.
        overflow = overflow is null ? [number] : [.. overflow, number];
        return Present | Overflow | (uint)(overflow.Length - 1);
    }

    /// <summary>The value <paramref name="packed"/> holds; null for an unset or null one.</summary>
    public static decimal? Unpack(uint packed, decimal[]? overflow)
    {
        if ((packed & Present) == 0)
        {
            return null;
        }

        if ((packed & Overflow) != 0)
        {
            return overflow![(int)(packed & MagnitudeMask)];
        }

        return new decimal(unchecked((int)(packed & MagnitudeMask)), 0, 0, (packed & Negative) != 0, (byte)((packed >> ScaleShift) & ScaleMask));
    }

    /// <summary>Room for the four words of <see cref="decimal.GetBits(decimal, Span{int})"/>.</summary>
    [InlineArray(4)]
    private struct DecimalBits
    {
        private int word;
    }
}

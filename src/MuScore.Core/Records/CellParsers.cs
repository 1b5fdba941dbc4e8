using System.Globalization;
using System.Runtime.CompilerServices;

namespace MuScore.Core.Records;

/// <summary>Readers for the cell forms of docs/method.md §10; each returns false for an unaccepted form.</summary>
public static class CellParsers
{
    /// <summary>Largest magnitude accepted for any number: 10¹² in the field's unit.</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000m;

    private const NumberStyles NumberForm =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    // 10^(12 + scale): the largest mantissa a short number of that scale may have.
    private static readonly ulong[] MaxMantissas =
        [1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000];

    /// <summary>A plain number: optional sign, digits, optional decimal point, optional exponent.</summary>
    public static bool TryNumber(ReadOnlySpan<char> text, out decimal value) =>
        TryShortDecimal(text, out value) || decimal.TryParse(text, NumberForm, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// The common case fast: [sign] digits [. digits] with at most 18 digits, built straight from a
    /// 64-bit mantissa and a scale, the same value decimal.Parse gives. A million-row file holds
    /// eighteen million such cells.
    /// </summary>
    private static bool TryShortDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        if (!TryShortNumber(text, out var mantissa, out var scale, out var negative))
        {
            value = 0m;
            return false;
        }

        value = ShortDecimal(mantissa, scale, negative);
        return true;
    }

    /// <summary>
    /// Splits a short number ([sign] digits [. digits], at most 18 digits) into its parts, so that a
    /// caller can check its sign and range in integers; false for any other form. The sign is
    /// negative only for a value below 0 ("-0" is 0, as decimal.Parse reads it).
    /// </summary>
    internal static bool TryShortNumber(ReadOnlySpan<char> text, out ulong mantissa, out int scale, out bool negative)
    {
        mantissa = 0;
        scale = 0;
        negative = false;
        var i = 0;
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            i = 1;
        }

        // The whole part, then (after a point that follows at least one digit) the fraction: two
        // plain loops, as a figure has one or two short runs of digits. Past 18 digits the
        // mantissa wraps, but such a text is refused below.
        var wholeStart = i;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
        {
            mantissa = unchecked((mantissa * 10) + (ulong)(text[i] - '0'));
        }

        var whole = i - wholeStart;
        if (whole == 0)
        {
            return false;
        }

        if (i < text.Length)
        {
            if (text[i] != '.')
            {
                return false;
            }

            var fractionStart = ++i;
            for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
            {
                mantissa = unchecked((mantissa * 10) + (ulong)(text[i] - '0'));
            }

            scale = i - fractionStart;
            if (scale == 0 || i < text.Length)
            {
                return false;
            }
        }

        if (whole + scale > 18)
        {
            return false;
        }

        negative &= mantissa != 0;
        return true;
    }

    /// <summary>The decimal of a short number's parts (<see cref="TryShortNumber"/>).</summary>
    internal static decimal ShortDecimal(ulong mantissa, int scale, bool negative) =>
        new(unchecked((int)mantissa), unchecked((int)(mantissa >> 32)), 0, negative, (byte)scale);

    /// <summary>Whether a short number's magnitude, mantissa / 10^scale, exceeds <see cref="MaxMagnitude"/>.</summary>
    /// <remarks>An 18-digit mantissa is below 10^18, so only a scale under 6 can put it above 10^12.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool ShortExceedsMax(ulong mantissa, int scale) =>
        scale < MaxMantissas.Length && mantissa > MaxMantissas[scale];

    /// <summary>true/false, 1/0, yes/no, y/n (any case), 是/否.</summary>
    /// <remarks>
    /// Only the words of the cell's length are compared (an ordinal case-blind match has the
    /// word's length): three such cells a row, most of them "false".
    /// </remarks>
    public static bool TryBoolean(ReadOnlySpan<char> text, out bool value)
    {
        value = text.Length switch
        {
            1 => Is(text, "1") || Is(text, "y") || Is(text, "是"),
            3 => Is(text, "yes"),
            4 => Is(text, "true"),
            _ => false,
        };
        return value || text.Length switch
        {
            1 => Is(text, "0") || Is(text, "n") || Is(text, "否"),
            2 => Is(text, "no"),
            5 => Is(text, "false"),
            _ => false,
        };
    }

    /// <summary>ABOVE/BELOW (any case), 规上/规下, 规模以上/规模以下.</summary>
    public static bool TryScale(ReadOnlySpan<char> text, out Scale value)
    {
        if (Is(text, "above") || Is(text, "规上") || Is(text, "规模以上"))
        {
            value = Scale.Above;
            return true;
        }

        value = Scale.Below;
        return Is(text, "below") || Is(text, "规下") || Is(text, "规模以下");
    }

    /// <summary>
    /// 2025-01-31, 2025/01/31, 2025.01.31 (month and day may have one digit) or 20250131; the
    /// date must exist.
    /// </summary>
    public static bool TryDate(ReadOnlySpan<char> text, out DateOnly value)
    {
        value = default;
        int year, month, day;
        if (text.Length == 8 && IsDigits(text))
        {
            year = Digits(text[..4]);
            month = Digits(text.Slice(4, 2));
            day = Digits(text.Slice(6, 2));
        }
        else
        {
            if (text.Length < 8 || !IsDigits(text[..4]))
            {
                return false;
            }

            var separator = text[4];
            if (separator is not ('-' or '/' or '.'))
            {
                return false;
            }

            var rest = text[5..];
            var second = rest.IndexOf(separator);
            if (second is < 1 or > 2 || rest.Length - second - 1 is < 1 or > 2)
            {
                return false;
            }

            var monthText = rest[..second];
            var dayText = rest[(second + 1)..];
            if (!IsDigits(monthText) || !IsDigits(dayText))
            {
                return false;
            }

            year = Digits(text[..4]);
            month = Digits(monthText);
            day = Digits(dayText);
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Optional GB/T 4754 section letter then 2 to 4 digits; yields the 2-digit division.</summary>
    public static bool TryIndustry(ReadOnlySpan<char> text, out int division)
    {
        division = 0;
        var digits = text.Length > 0 && char.IsAsciiLetter(text[0]) ? text[1..] : text;
        if (digits.Length is < 2 or > 4 || !IsDigits(digits))
        {
            return false;
        }

        division = Digits(digits[..2]);
        return true;
    }

    /// <summary>Exactly six ASCII digits.</summary>
    public static bool IsRegion(ReadOnlySpan<char> text) => text.Length == 6 && IsDigits(text);

    private static bool Is(ReadOnlySpan<char> text, string word) =>
        text.Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static int Digits(ReadOnlySpan<char> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}

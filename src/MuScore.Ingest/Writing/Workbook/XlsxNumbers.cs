using System.Globalization;

namespace MuScore.Ingest;

/// <summary>
/// The typed cell of a figure, equal to what <see cref="NumberText"/> text followed by the string
/// writer's number check gives (<see cref="XlsxTableWriter"/>: a number when it reads back as the
/// same text, else that text), without making the string. A value rounded to 6 decimals with
/// 3 to 15 significant digits is its millionths: its text then is the shortest round-trip form
/// of the double, the check passes, and the cell is that number. Anything else (below 0.0001,
/// which the shortest form writes with an exponent, 1E9 and above, not finite) takes the string
/// path, so the rare cases stay exactly as before.
/// </summary>
public static class XlsxNumbers
{
    /// <summary>Millionths below this are under 0.0001: the shortest form of such a number has an exponent.</summary>
    private const long SmallestPlain = 100;

    /// <summary>Millionths at or above this have more than 15 digits.</summary>
    private const long LargestPlain = 999_999_999_999_999;

    public static XlsxCell Of(double value) =>
        TryMillionths(value, out var millionths)
            ? millionths == 0 ? XlsxCell.Of(0) : XlsxCell.OfMillionths(millionths)
            : FromText(NumberText.Format(value));

    /// <summary>
    /// The millionths of <paramref name="value"/> when its cell is 0 (<see cref="XlsxCellKind.Whole"/>)
    /// or a <see cref="XlsxCellKind.Millionths"/> number, nearly every figure: then its text is
    /// <see cref="NumberText.WriteMillionths"/>' (zero's too, "0"), and no cell need be made.
    /// </summary>
    internal static bool TryMillionths(double value, out long millionths)
    {
        millionths = 0;
        if (!double.IsFinite(value) || !(Math.Abs(value) < 1e9))
        {
            return false;
        }

        // Math.Round(value, 6) is Round(value · 10⁶) / 10⁶ (the runtime rounds to digits so), so
        // one rounding gives both the text's value and its millionths: zero exactly when it is.
        var scaled = Math.Round(value * 1e6, MidpointRounding.ToEven);
        if (scaled == 0)
        {
            return true;
        }

        millionths = (long)scaled;
        return Math.Abs(millionths) is >= SmallestPlain and <= LargestPlain;
    }

    public static XlsxCell Of(double? value) => value is { } v ? Of(v) : XlsxCell.Empty;

    public static XlsxCell Of(decimal value)
    {
        var rounded = Math.Round(value, 6, MidpointRounding.ToEven);
        if (rounded == 0m)
        {
            return XlsxCell.Of(0);
        }

        if (Math.Abs(rounded) < 1e9m)
        {
            var millionths = (long)(rounded * 1_000_000m);
            if (Math.Abs(millionths) >= SmallestPlain)
            {
                return XlsxCell.OfMillionths(millionths);
            }
        }

        return FromText(NumberText.Format(value));
    }

    public static XlsxCell Of(int? value) => value is { } v ? XlsxCell.Of(v) : XlsxCell.Empty;

    /// <summary>The cell the string writer makes of a number column's text: a number when exact, else the text.</summary>
    public static XlsxCell FromText(string text) =>
        XlsxTableWriter.TryExactNumber(text, out var number) ? XlsxCell.OfDouble(number) : XlsxCell.OfText(text);

    /// <summary>The text a number cell shows (tests compare it with the string writer's cells).</summary>
    public static string Format(XlsxCell cell)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        var length = Write(cell, buffer);
        return System.Text.Encoding.ASCII.GetString(buffer[..length]);
    }

    /// <summary>Longest text of a number cell: a double's shortest round-trip form, with sign and exponent.</summary>
    internal const int MaxLength = 32;

    /// <summary>Writes a number cell's ASCII text into <paramref name="destination"/> (at least <see cref="MaxLength"/> bytes); returns its length.</summary>
    internal static int Write(XlsxCell cell, Span<byte> destination)
    {
        int written;
        switch (cell.Kind)
        {
            case XlsxCellKind.Whole:
                return AsciiDigits.WriteSigned(cell.Units, destination);
            case XlsxCellKind.Millionths:
                return NumberText.WriteMillionths(cell.Units, destination);
            case XlsxCellKind.Shortest:
                cell.Value.TryFormat(destination, out written, "R", CultureInfo.InvariantCulture);
                return written;
            default:
                throw new ArgumentException($"A {cell.Kind} cell is not a number.", nameof(cell));
        }
    }
}

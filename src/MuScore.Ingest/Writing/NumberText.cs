using System.Globalization;

namespace MuScore.Ingest;

/// <summary>
/// The one number format of every output: invariant culture, rounded half-to-even to 6 decimals,
/// no trailing zeros, no exponent, "0" rather than "-0" (85.1235, 0.5, 120).
/// </summary>
public static partial class NumberText
{
    private const string Pattern = "0.######";

    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            // Never produced by the engine; written as the invariant word rather than hidden.
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var rounded = Math.Round(value, 6, MidpointRounding.ToEven);
        return rounded == 0 ? "0" : rounded.ToString(Pattern, CultureInfo.InvariantCulture);
    }

    public static string Format(double? value) => value is { } v ? Format(v) : string.Empty;

    public static string Format(decimal value)
    {
        var rounded = Math.Round(value, 6, MidpointRounding.ToEven);
        return rounded == 0m ? "0" : rounded.ToString(Pattern, CultureInfo.InvariantCulture);
    }

    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(int? value) => value is { } v ? Format(v) : string.Empty;
}

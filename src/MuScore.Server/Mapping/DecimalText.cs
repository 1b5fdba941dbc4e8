using System.Globalization;

namespace MuScore.Server.Mapping;

/// <summary>Exact decimal text for the wire: invariant, no exponent, no trailing zeros ("12.5", not "12.50").</summary>
internal static class DecimalText
{
    public static string Format(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }
}

using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace MuScore.Reports.Html;

/// <summary>Escaping and number formats of the HTML report; every value goes through here.</summary>
internal static class HtmlText
{
    // Every script left as it is (Chinese stays readable in the file); markup characters escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text content, escaped (&lt; &gt; &amp; and quotes).</summary>
    public static string Escape(string? value) => Encoder.Encode(Bounded(value ?? string.Empty));

    /// <summary>An attribute value, escaped the same way.</summary>
    public static string Attribute(string? value) => Escape(value);

    /// <summary>Numbers as the outputs write them: up to <paramref name="decimals"/> decimals, invariant.</summary>
    public static string Number(double? value, int decimals = 2) =>
        value is not { } v ? string.Empty
        : double.IsFinite(v) ? Math.Round(v, decimals, MidpointRounding.ToEven).ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture)
        : v.ToString(CultureInfo.InvariantCulture);

    /// <summary>A whole number.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Echoed input is bounded: a name longer than 200 characters is cut with an ellipsis.</summary>
    private static string Bounded(string value) => value.Length <= 200 ? value : string.Concat(value.AsSpan(0, 200), "…");
}

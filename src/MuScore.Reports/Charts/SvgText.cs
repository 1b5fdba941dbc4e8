using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MuScore.Reports;

/// <summary>
/// Makes ScottPlot's SVG fit for inlining and byte-identical across runs: ScottPlot numbers its
/// clip paths from a process-wide counter ("cl_4" in one call, "cl_6" in the next), so they are
/// renumbered in order of appearance under a per-chart prefix, which also keeps the ids of several
/// charts on one page apart. The XML declaration goes (not allowed inside HTML) and a viewBox is
/// added so the chart scales with the page. The root element carries no xmlns: inline in HTML
/// the parser puts it in the SVG namespace, and the page names no URL at all.
/// </summary>
internal static partial class SvgText
{
    public static string Normalise(string svg, string idPrefix, string title)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        svg = ClipId().Replace(svg, m =>
        {
            if (!numbers.TryGetValue(m.Groups[1].Value, out var n))
            {
                n = numbers.Count + 1;
                numbers[m.Groups[1].Value] = n;
            }

            return string.Create(CultureInfo.InvariantCulture, $"{idPrefix}-clip{n}");
        });
        svg = XmlDeclaration().Replace(svg, string.Empty);
        svg = UnifiedIdeographs(svg);

        // ScottPlot clips legend labels to the legend box, and with Noto CJK's tall metrics it
        // places a middle-aligned label a few pixels high, so the clip cut off the top of every
        // glyph. Text needs no clipping in these charts; only the groups holding text lose it.
        svg = ClippedTextGroup().Replace(svg, "<g>$1</g>");
        return SvgOpen().Replace(svg, m => string.Create(
            CultureInfo.InvariantCulture,
            $"<svg role=\"img\" aria-label=\"{Html.HtmlText.Attribute(title)}\" width=\"{m.Groups[1].Value}\" height=\"{m.Groups[2].Value}\" viewBox=\"0 0 {m.Groups[1].Value} {m.Groups[2].Value}\">"),
            1);
    }

    /// <summary>
    /// Skia writes SVG text back from glyphs, and Noto CJK shares one glyph between an ideograph
    /// and its Kangxi radical or compatibility form, so "支持" came out as "⽀持" (U+2F40). Those
    /// blocks are mapped back to the unified ideographs (their NFKC form); the charts' own labels
    /// never contain them.
    /// </summary>
    private static string UnifiedIdeographs(string svg)
    {
        if (!svg.Any(IsRadicalOrCompatibility))
        {
            return svg;
        }

        var text = new StringBuilder(svg.Length);
        foreach (var c in svg)
        {
            text.Append(IsRadicalOrCompatibility(c) ? c.ToString().Normalize(NormalizationForm.FormKC) : c.ToString());
        }

        return text.ToString();
    }

    private static bool IsRadicalOrCompatibility(char c) => c is (>= '\u2E80' and <= '\u2FDF') or (>= '\uF900' and <= '\uFAFF');

    [GeneratedRegex(@"\bcl_([0-9a-fA-F]+)\b")]
    private static partial Regex ClipId();

    [GeneratedRegex(@"<g clip-path=""url\(#[^)]*\)"">((?:(?!</g>).)*?<text(?:(?!</g>).)*)</g>", RegexOptions.Singleline)]
    private static partial Regex ClippedTextGroup();

    [GeneratedRegex(@"<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"<svg [^>]*width=""(\d+)"" height=""(\d+)""[^>]*>")]
    private static partial Regex SvgOpen();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace MuScore.Reports;

/// <summary>
/// Makes ScottPlot's SVG fit for inlining and byte-identical across runs: ScottPlot numbers its
/// clip paths from a process-wide counter ("cl_4" in one call, "cl_6" in the next), so they are
/// renumbered in order of appearance under a per-chart prefix, which also keeps the ids of several
/// charts on one page apart. The XML declaration goes (not allowed inside HTML) and a viewBox is
/// added so the chart scales with the page.
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
        return SvgOpen().Replace(svg, m => string.Create(
            CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{Html.HtmlText.Attribute(title)}\" width=\"{m.Groups[1].Value}\" height=\"{m.Groups[2].Value}\" viewBox=\"0 0 {m.Groups[1].Value} {m.Groups[2].Value}\">"),
            1);
    }

    [GeneratedRegex(@"\bcl_(\d+)\b")]
    private static partial Regex ClipId();

    [GeneratedRegex(@"<\?xml[^>]*\?>\s*")]
    private static partial Regex XmlDeclaration();

    [GeneratedRegex(@"<svg [^>]*width=""(\d+)"" height=""(\d+)""[^>]*>")]
    private static partial Regex SvgOpen();
}

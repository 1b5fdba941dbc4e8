using System.Globalization;
using System.Text;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Lists;

/// <summary>What <c>muscore summary</c> prints: the publication and policy, then a small table of the three indicators.</summary>
internal static class SummaryConsoleText
{
    public static string Format(RegionSummary summary, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        Audit.Line(text, "published", Audit.Publication(summary.Publication));
        Audit.Line(text, "policy", Audit.Policy(summary.Policy));
        Audit.Line(text, "citation", summary.Citation);
        var year = summary.HasTargetYear ? Audit.Number(summary.TargetYear) : "none set";
        Audit.Line(text, "targets", string.Create(CultureInfo.InvariantCulture, $"for {year}; {summary.AboveScaleEnterprises} 规上 enterprises"));
        var checks = RegionSummaryReader.Indicators(summary);
        var width = Math.Max("indicator".Length, checks.Max(c => c.Indicator.Length)) + 2;

        // The unit is last: its Chinese characters are wide on a terminal and would shift the columns after it.
        text.Append('\n').Append("indicator".PadRight(width)).Append(Cells("value", "target", "met", "margin", "enterprises")).Append("  unit\n");
        foreach (var check in checks)
        {
            text.Append(check.Indicator.PadRight(width))
                .Append(Cells(
                    check.HasValue ? check.Value : "-",
                    check.HasTarget ? check.Target : "-",
                    check.HasMet ? (check.Met ? "yes" : "no") : "-",
                    check.HasMargin ? check.Margin : "-",
                    Audit.Number(check.Enterprises)))
                .Append("  ").Append(check.Unit).Append('\n');
        }

        text.Append('\n');
        Audit.Line(text, "written", options.Output);
        return text.ToString();
    }

    private static string Cells(string value, string target, string met, string margin, string enterprises) =>
        $"{value,12}{target,10}{met,5}{margin,12}{enterprises,13}";
}

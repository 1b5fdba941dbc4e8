using System.Globalization;
using System.Text;
using MuScore.Cli.Output;
using MuScore.Contracts.V1;
using MuScore.Reports.Lists;

namespace MuScore.Cli.Lists;

/// <summary>What <c>muscore summary</c> prints: the publication and policy, then a small table of the three indicators.</summary>
internal static class SummaryConsoleText
{
    public static string Format(RegionSummary summary, ReportOptions options, int width = CliConsole.PlainWidth)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(options);
        var text = new StringBuilder();
        Audit.Line(text, "published", Audit.Publication(summary.Publication));
        Audit.Line(text, "policy", Audit.Policy(summary.Policy));
        Audit.Line(text, "citation", summary.Citation);
        var year = summary.HasTargetYear ? Audit.Number(summary.TargetYear) : "none set";
        Audit.Line(text, "targets", string.Create(CultureInfo.InvariantCulture, $"for {year}; {summary.AboveScaleEnterprises} 规上 enterprises"));
        var checks = SummaryTable.Indicators(summary);

        // Spectre measures the Chinese unit as two cells a character, so the columns stay aligned.
        var table = TextTable.Create("indicator", "value>", "target>", "met>", "margin>", "enterprises>", "unit");
        foreach (var check in checks)
        {
            TextTable.AddRow(
                table,
                check.Indicator,
                check.HasValue ? check.Value : "-",
                check.HasTarget ? check.Target : "-",
                check.HasMet ? (check.Met ? "yes" : "no") : "-",
                check.HasMargin ? check.Margin : "-",
                Audit.Number(check.Enterprises),
                check.Unit);
        }

        text.Append('\n').Append(TextTable.Render(table, width));
        text.Append('\n');
        Audit.Line(text, "written", options.Output);
        return text.ToString();
    }
}

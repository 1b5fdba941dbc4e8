using System.Globalization;
using System.Text;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Lists;

/// <summary>What <c>muscore lists</c> prints: the publications and policy used, the counts, the note and the file written.</summary>
internal static class ListsConsoleText
{
    public static string Format(LowEfficiencyLists lists, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(options);
        var header = lists.Header;
        var text = new StringBuilder();
        Audit.Line(text, "current", Audit.Publication(header.Current));
        Audit.Line(text, "previous", header.Previous is { } previous
            ? Audit.Publication(previous)
            : string.Create(CultureInfo.InvariantCulture, $"none: no publication of {options.Year - 1}, so LARGE_LOW_TAX (two years running) is empty"));
        Audit.Line(text, "policy", Audit.Policy(header.Policy));
        Audit.Line(text, "citation", header.Citation);
        Audit.Line(text, "lists", string.Create(CultureInfo.InvariantCulture, $"LARGE_LOW_TAX {header.LargeLowTaxCount}, LOW_TAX {header.LowTaxCount}"));
        Audit.Line(text, "note", header.Note);
        Audit.Line(text, "written", string.Create(CultureInfo.InvariantCulture, $"{options.Output} ({lists.Entries.Count} row{(lists.Entries.Count == 1 ? string.Empty : "s")})"));
        return text.ToString();
    }
}

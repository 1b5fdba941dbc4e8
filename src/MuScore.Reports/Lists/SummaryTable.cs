using System.Globalization;
using MuScore.Contracts.V1;
using MuScore.Ingest;

namespace MuScore.Reports.Lists;

/// <summary>
/// The summary file: one row per indicator (tax_per_mu, va_per_mu, labour_productivity) with the
/// server's aggregate and target comparison, then audit columns naming the publication and policy
/// (docs/lists.md). Written by <c>muscore summary</c> and the console.
/// </summary>
public static class SummaryTable
{
    private static readonly (string Name, XlsxColumnKind Kind)[] Layout =
    [
        ("indicator", XlsxColumnKind.Text),
        ("unit", XlsxColumnKind.Text),
        ("numerator", XlsxColumnKind.Number),
        ("denominator", XlsxColumnKind.Number),
        ("enterprises", XlsxColumnKind.Number),
        ("value", XlsxColumnKind.Number),
        ("target", XlsxColumnKind.Number),
        ("met", XlsxColumnKind.Text),
        ("margin", XlsxColumnKind.Number),
        ("reason", XlsxColumnKind.Text),
        ("region", XlsxColumnKind.Text),
        ("year", XlsxColumnKind.Number),
        ("version", XlsxColumnKind.Number),
        ("run_id", XlsxColumnKind.Text),
        ("target_year", XlsxColumnKind.Number),
        ("policy_id", XlsxColumnKind.Text),
        ("policy_version", XlsxColumnKind.Text),
        ("policy_hash", XlsxColumnKind.Text),
        ("citation", XlsxColumnKind.Text),
    ];

    public static ReportColumns Columns { get; } = new("summary", [.. Layout.Select(c => c.Name)], [.. Layout.Select(c => c.Kind)]);

    /// <summary>"true", "false", or empty when there is no target or no value.</summary>
    public static string? Met(TargetCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return check.HasMet ? (check.Met ? "true" : "false") : null;
    }

    public static IEnumerable<string?[]> Rows(RegionSummary summary) =>
        Indicators(summary).Select(check => Row(summary, check));

    /// <summary>The three indicators in the order the targets name them.</summary>
    public static IReadOnlyList<TargetCheck> Indicators(RegionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return [summary.TaxPerMu, summary.VaPerMu, summary.LabourProductivity];
    }

    private static string?[] Row(RegionSummary summary, TargetCheck check) =>
    [
        check.Indicator,
        check.Unit,
        check.Numerator,
        check.Denominator,
        Number(check.Enterprises),
        check.HasValue ? check.Value : null,
        check.HasTarget ? check.Target : null,
        Met(check),
        check.HasMargin ? check.Margin : null,
        check.Reason,
        summary.Publication.Region,
        Number(summary.Publication.Year),
        Number(summary.Publication.Version),
        summary.Publication.RunId,
        summary.HasTargetYear ? Number(summary.TargetYear) : null,
        summary.Policy.Id,
        summary.Policy.Version,
        summary.Policy.Hash,
        summary.Citation,
    ];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

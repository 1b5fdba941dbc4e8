using System.Globalization;
using MuScore.Contracts.V1;
using MuScore.Ingest;

namespace MuScore.Reports.Lists;

/// <summary>
/// The lists file: one row per listed enterprise (LARGE_LOW_TAX first, then LOW_TAX, each by credit
/// code), its figures as the server sent them (decimal text), then audit columns naming the
/// publication(s) and policy the row was drawn from (docs/lists.md). Written by <c>muscore lists</c> and the console.
/// </summary>
public static class ListsTable
{
    private static readonly (string Name, XlsxColumnKind Kind)[] Layout =
    [
        ("list", XlsxColumnKind.Text),
        ("credit_code", XlsxColumnKind.Text),
        ("name", XlsxColumnKind.Text),
        ("revenue_wan", XlsxColumnKind.Number),
        ("tax_wan", XlsxColumnKind.Number),
        ("land_mu", XlsxColumnKind.Number),
        ("tax_per_mu_wan", XlsxColumnKind.Number),
        ("previous_tax_per_mu_wan", XlsxColumnKind.Number),
        ("reason", XlsxColumnKind.Text),
        ("region", XlsxColumnKind.Text),
        ("year", XlsxColumnKind.Number),
        ("version", XlsxColumnKind.Number),
        ("run_id", XlsxColumnKind.Text),
        ("previous_version", XlsxColumnKind.Number),
        ("previous_run_id", XlsxColumnKind.Text),
        ("policy_id", XlsxColumnKind.Text),
        ("policy_version", XlsxColumnKind.Text),
        ("policy_hash", XlsxColumnKind.Text),
        ("citation", XlsxColumnKind.Text),
    ];

    public static ReportColumns Columns { get; } = new("lists", [.. Layout.Select(c => c.Name)], [.. Layout.Select(c => c.Kind)]);

    /// <summary>"LARGE_LOW_TAX" or "LOW_TAX", as the core's PolicyCodes spell them.</summary>
    public static string Code(LowEfficiencyList list) => list == LowEfficiencyList.LargeLowTax ? "LARGE_LOW_TAX" : "LOW_TAX";

    /// <summary>The rows in list order, then by credit code (ordinal), whatever order the stream had.</summary>
    public static IEnumerable<string?[]> Rows(LowEfficiencyHeader header, IEnumerable<ListedEnterprise> entries)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(entries);
        return entries
            .OrderBy(e => e.List)
            .ThenBy(e => e.CreditCode, StringComparer.Ordinal)
            .Select(e => Row(header, e));
    }

    private static string?[] Row(LowEfficiencyHeader header, ListedEnterprise entry)
    {
        // The previous publication is named only where the row used its figure (LARGE_LOW_TAX), like previous_tax_per_mu_wan.
        var previous = entry.List == LowEfficiencyList.LargeLowTax ? header.Previous : null;
        return
        [
            Code(entry.List),
            entry.CreditCode,
            entry.Name,
            entry.RevenueWan,
            entry.TaxWan,
            entry.LandMu,
            entry.TaxPerMuWan,
            entry.PreviousTaxPerMuWan,
            entry.Reason,
            header.Current.Region,
            Number(header.Current.Year),
            Number(header.Current.Version),
            header.Current.RunId,
            previous is null ? null : Number(previous.Version),
            previous?.RunId,
            header.Policy.Id,
            header.Policy.Version,
            header.Policy.Hash,
            header.Citation,
        ];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

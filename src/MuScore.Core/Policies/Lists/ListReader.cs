using System.Text.Json;
using MuScore.Core.Schemes;

namespace MuScore.Core.Policies;

/// <summary>Reads <c>efficiency_lists[]</c> sections.</summary>
internal static class ListReader
{
    public static readonly string[] Names =
    [
        .. PolicyFields.SectionNames, "large_min_revenue_wan", "large_max_tax_per_mu_wan", "low_max_tax_per_mu_wan",
        "target_year", "target_tax_per_mu_wan", "target_va_per_mu_wan", "target_labour_productivity_wan",
    ];

    public static ListSection? Read(JsonObjectReader reader, List<SchemeError> errors)
    {
        var (clause, period) = PolicyFields.Section(reader);
        var revenue = PolicyFields.Decimal(reader, "large_min_revenue_wan", min: 0m, exclusive: true);
        var large = PolicyFields.Decimal(reader, "large_max_tax_per_mu_wan", min: 0m);
        var low = PolicyFields.Decimal(reader, "low_max_tax_per_mu_wan", min: 0m);
        int? year = null;
        var yearWrittenNull = false;
        if (!reader.Has("target_year"))
        {
            reader.Error("target_year", "target_year is required (null when the section sets no targets)");
        }
        else if (reader.TryGet("target_year", out var element) && element.ValueKind == JsonValueKind.Null)
        {
            yearWrittenNull = true;
        }
        else if (reader.TryInt("target_year", 0, out var value))
        {
            year = value;
            if (value is < 1990 or > 2100)
            {
                reader.Error("target_year", "target_year must be a year between 1990 and 2100");
            }
        }

        var tax = PolicyFields.NullableDecimal(reader, "target_tax_per_mu_wan", min: 0m);
        var va = PolicyFields.NullableDecimal(reader, "target_va_per_mu_wan", min: 0m);
        var labour = PolicyFields.NullableDecimal(reader, "target_labour_productivity_wan", min: 0m);
        var anyTarget = tax is not null || va is not null || labour is not null;
        if (yearWrittenNull && anyTarget)
        {
            reader.Error("target_year", "target_year must be set when a target is");
        }
        else if (year is not null && !anyTarget)
        {
            reader.Error("target_year", "target_year is set but no target is: write null");
        }

        return clause is null || period is null
            ? null
            : new ListSection
            {
                Clause = clause,
                Period = period.Value,
                LargeMinRevenueWan = revenue,
                LargeMaxTaxPerMuWan = large,
                LowMaxTaxPerMuWan = low,
                TargetYear = year,
                TargetTaxPerMuWan = tax,
                TargetVaPerMuWan = va,
                TargetLabourProductivityWan = labour,
            };
    }
}

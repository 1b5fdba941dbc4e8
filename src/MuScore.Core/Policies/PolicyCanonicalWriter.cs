using System.Text.Encodings.Web;
using System.Text.Json;
using MuScore.Core.Rating;

namespace MuScore.Core.Policies;

/// <summary>
/// Writes the canonical form of a policy: fixed property order, every field explicit, decimals
/// without trailing zeros, dates yyyy-MM-dd, sets (regions, classes, quotas) sorted, sections in
/// file order, 2-space indent, "\n" line endings and a final newline.
/// </summary>
internal static partial class PolicyCanonicalWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // As for schemes: only what JSON requires is escaped, so Chinese text stays readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Policy policy)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("id", policy.Id);
            writer.WriteString("version", policy.Version);
            writer.WriteString("title", policy.Title);
            writer.WriteString("source", policy.Source);
            Text(writer, "description", policy.Description);
            writer.WriteStartArray("regions");
            foreach (var region in policy.Regions.Order(StringComparer.Ordinal))
            {
                writer.WriteStringValue(region);
            }

            writer.WriteEndArray();
            Sections(writer, "tariffs", policy.Tariffs, WriteTariff);
            Sections(writer, "tax_reliefs", policy.TaxReliefs, WriteRelief);
            Sections(writer, "land_transfer", policy.LandTransfer, WriteLand);
            Sections(writer, "subsidies", policy.Subsidies, WriteSubsidy);
            Sections(writer, "efficiency_lists", policy.EfficiencyLists, WriteLists);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void Sections<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T> sections, Action<Utf8JsonWriter, T> write)
        where T : PolicySection
    {
        writer.WriteStartArray(name);
        foreach (var section in sections)
        {
            writer.WriteStartObject();
            writer.WriteString("clause", section.Clause);
            writer.WriteString("effective_from", EffectivePeriod.Day(section.Period.From));
            Text(writer, "effective_to", section.Period.To is { } to ? EffectivePeriod.Day(to) : null);
            write(writer, section);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteTariff(Utf8JsonWriter writer, TariffSection section)
    {
        writer.WriteString("utility", section.Utility.Code());
        writer.WriteStartArray("surcharges");
        foreach (var step in section.Surcharges)
        {
            writer.WriteStartObject();
            writer.WriteString("class", step.Class.ToString());
            writer.WriteNumber("min_consecutive_d_years", step.MinConsecutiveDYears);
            Number(writer, "yuan_per_unit", step.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteRelief(Utf8JsonWriter writer, TaxReliefSection section)
    {
        writer.WriteStartArray("reliefs");
        foreach (var step in section.Reliefs)
        {
            writer.WriteStartObject();
            writer.WriteString("class", step.Class.ToString());
            Number(writer, "percent", step.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteLand(Utf8JsonWriter writer, LandSection section)
    {
        Classes(writer, "denied_receiver_classes", section.DeniedReceiverClasses);
        writer.WriteNumber("max_split_parcels", section.MaxSplitParcels);
        Number(writer, "min_split_parcel_mu", section.MinSplitParcelMu);
    }

    private static void WriteLists(Utf8JsonWriter writer, ListSection section)
    {
        Number(writer, "large_min_revenue_wan", section.LargeMinRevenueWan);
        Number(writer, "large_max_tax_per_mu_wan", section.LargeMaxTaxPerMuWan);
        Number(writer, "low_max_tax_per_mu_wan", section.LowMaxTaxPerMuWan);
        if (section.TargetYear is { } year)
        {
            writer.WriteNumber("target_year", year);
        }
        else
        {
            writer.WriteNull("target_year");
        }

        Number(writer, "target_tax_per_mu_wan", section.TargetTaxPerMuWan);
        Number(writer, "target_va_per_mu_wan", section.TargetVaPerMuWan);
        Number(writer, "target_labour_productivity_wan", section.TargetLabourProductivityWan);
    }

    private static void Text(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    // Decimals go through the scheme files' invariant, trailing-zero-free text, so 0.10 and 0.1 hash alike.
    private static void Number(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WritePropertyName(name);
            writer.WriteRawValue(Money.Text(number));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Classes(Utf8JsonWriter writer, string name, IReadOnlyList<RatingClass>? classes)
    {
        if (classes is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartArray(name);
        foreach (var rating in classes.Distinct().Order())
        {
            writer.WriteStringValue(rating.ToString());
        }

        writer.WriteEndArray();
    }
}

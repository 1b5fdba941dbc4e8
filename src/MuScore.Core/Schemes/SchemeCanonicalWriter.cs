using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using MuScore.Core.Indicators;

namespace MuScore.Core.Schemes;

/// <summary>
/// Writes the canonical form of a scheme: fixed property order, every default explicit, numbers
/// in invariant shortest round-trip form, 2-space indent, "\n" line endings, division sets in
/// ascending order. Two schemes with the same rules give the same bytes.
/// </summary>
internal static class SchemeCanonicalWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Only what JSON requires is escaped, so Chinese text and apostrophes stay readable. The
        // canonical text is hashed and shown as a file, never pasted raw into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A decimal without trailing zeros, invariant: 3.0 and 3 both give "3".</summary>
    public static string Text(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>The canonical JSON text, ending with a newline.</summary>
    public static string Write(Scheme scheme)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("id", scheme.Id);
            writer.WriteString("version", scheme.Version);
            writer.WriteString("title", scheme.Title);
            WriteNullable(writer, "description", scheme.Description);
            writer.WriteString("method", SchemeJsonTokens.TokenOf(SchemeJsonTokens.Methods, scheme.Method));
            WriteDouble(writer, "cap", scheme.Cap);
            WriteDouble(writer, "floor", scheme.Floor);
            WriteExclusions(writer, scheme.Exclusions);
            writer.WriteStartArray("pools");
            foreach (var pool in scheme.Pools)
            {
                WritePool(writer, pool);
            }

            writer.WriteEndArray();
            WriteClassification(writer, scheme.Classification);
            WriteOverrides(writer, scheme.Overrides);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void WriteExclusions(Utf8JsonWriter writer, ExclusionRules exclusions)
    {
        writer.WriteStartObject("exclusions");
        WriteDivisions(writer, "utility_divisions", exclusions.UtilityDivisions);
        writer.WriteNumber("min_years_in_production", exclusions.MinYearsInProduction);
        WriteDecimal(writer, "below_scale_min_land_mu", exclusions.BelowScaleMinLandMu);
        writer.WriteEndObject();
    }

    private static void WritePool(Utf8JsonWriter writer, PoolRule pool)
    {
        writer.WriteStartObject();
        writer.WriteString("id", pool.Id);
        WriteNullable(writer, "title", pool.Title);
        WriteNullable(writer, "scale", pool.Scale is { } scale ? SchemeJsonTokens.TokenOf(SchemeJsonTokens.Scales, scale) : null);
        WriteDecimal(writer, "min_land_mu", pool.MinLandMu);
        WriteDecimal(writer, "max_land_mu", pool.MaxLandMu);
        WriteDivisions(writer, "divisions", pool.Divisions);
        writer.WriteStartArray("indicators");
        foreach (var rule in pool.Indicators)
        {
            writer.WriteStartObject();
            writer.WriteString("indicator", rule.Indicator.Id());
            WriteDouble(writer, "weight", rule.Weight);
            writer.WriteStartObject("benchmark");
            writer.WriteString("kind", SchemeJsonTokens.TokenOf(SchemeJsonTokens.BenchmarkKinds, rule.Benchmark.Kind));
            if (rule.Benchmark.Kind == BenchmarkKind.Fixed)
            {
                WriteDouble(writer, "value", rule.Benchmark.Value);
            }
            else
            {
                WriteDouble(writer, "factor", rule.Benchmark.Factor);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteClassification(Utf8JsonWriter writer, ClassificationRules rules)
    {
        writer.WriteStartObject("classification");
        writer.WriteString("mode", SchemeJsonTokens.TokenOf(SchemeJsonTokens.Modes, rules.Mode));
        WriteDecimal(writer, "quota_a", rules.QuotaA);
        WriteDecimal(writer, "quota_b", rules.QuotaB);
        WriteDecimal(writer, "quota_d", rules.QuotaD);
        WriteDouble(writer, "threshold_a", rules.ThresholdA);
        WriteDouble(writer, "threshold_b", rules.ThresholdB);
        WriteDouble(writer, "threshold_c", rules.ThresholdC);
        writer.WriteEndObject();
    }

    private static void WriteOverrides(Utf8JsonWriter writer, OverrideRules rules)
    {
        writer.WriteStartObject("overrides");
        writer.WriteBoolean("veto", rules.Veto);
        WriteDecimal(writer, "investment_a_min", rules.InvestmentAMin);
        WriteDecimal(writer, "protection_min", rules.ProtectionMin);
        writer.WriteEndObject();
    }

    private static void WriteDivisions(Utf8JsonWriter writer, string name, IReadOnlyList<int>? divisions)
    {
        if (divisions is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartArray(name);
        foreach (var division in divisions.Distinct().Order())
        {
            writer.WriteNumberValue(division);
        }

        writer.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
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

    // Utf8JsonWriter formats doubles invariantly in shortest round-trip form; -0 is written as 0.
    private static void WriteDouble(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number == 0 ? 0.0 : number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteDecimal(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, Normalize(number));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    // Dividing by 1 with 28 zero decimals drops trailing zeros (decimal keeps the scale written).
    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;
}

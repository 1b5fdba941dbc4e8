using System.Text.Encodings.Web;
using System.Text.Json;
using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Ingest;

namespace MuScore.Cli.Output;

/// <summary>
/// Writes summary.json (docs/outputs.md) in a fixed property order with the shared number format
/// and no timestamps, so two runs over the same input are byte-identical.
/// </summary>
internal static class SummaryJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Chinese file names stay readable; the file is UTF-8 and never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static void Write(Stream stream, RatingRun run, RunStatistics stats, RunDescription description)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(description);
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("scheme");
            json.WriteString("id", run.SchemeId);
            json.WriteString("version", run.SchemeVersion);
            json.WriteString("hash", run.SchemeHash);
            json.WriteEndObject();
            json.WriteStartObject("input");
            json.WriteString("file", description.InputFileName);
            json.WriteString("format", description.InputFormat);
            json.WriteString("hash", run.InputHash);
            json.WriteEndObject();
            json.WriteNumber("year", run.Year);
            json.WriteString("region", run.Region ?? "all");
            json.WriteStartObject("rows");
            json.WriteNumber("total", stats.Total);
            json.WriteNumber("rated", stats.StatusCounts[(int)RowStatus.Rated]);
            json.WriteNumber("excluded", stats.StatusCounts[(int)RowStatus.Excluded]);
            json.WriteNumber("invalid", stats.StatusCounts[(int)RowStatus.Invalid]);
            json.WriteEndObject();
            json.WriteStartObject("exclusions");
            foreach (var reason in Enum.GetValues<ExclusionReason>())
            {
                json.WriteNumber(reason.Code(), stats.ExclusionCounts[(int)reason]);
            }

            json.WriteEndObject();
            json.WriteStartObject("problems");
            foreach (var rule in Enum.GetValues<ProblemRule>())
            {
                json.WriteNumber(rule.Code(), stats.ProblemCounts[(int)rule]);
            }

            json.WriteEndObject();
            json.WriteStartArray("pools");
            foreach (var pool in run.Pools)
            {
                WritePool(json, pool, stats);
            }

            json.WriteEndArray();
            json.WriteStartArray("outputs");
            foreach (var file in description.OutputFiles)
            {
                json.WriteStringValue(file);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        stream.Write("\n"u8);
    }

    private static void WritePool(Utf8JsonWriter json, PoolSummary pool, RunStatistics stats)
    {
        json.WriteStartObject();
        json.WriteString("region", pool.Region);
        json.WriteString("pool", pool.Pool);
        json.WriteNumber("size", pool.Size);
        json.WriteNumber("quota_pool_size", pool.QuotaPoolSize);
        json.WriteStartObject("classes");
        foreach (var rating in Enum.GetValues<RatingClass>())
        {
            json.WriteNumber(rating.ToString(), pool.ClassCounts[(int)rating]);
        }

        json.WriteEndObject();
        json.WriteStartObject("overrides");
        foreach (var kind in Enum.GetValues<OverrideKind>().Where(k => k != OverrideKind.None))
        {
            json.WriteNumber(kind.Code(), stats.OverrideCount(pool, kind));
        }

        json.WriteEndObject();
        json.WriteStartObject("benchmarks");
        foreach (var (indicator, benchmark) in pool.Benchmarks)
        {
            WriteNumber(json, indicator.Id(), benchmark);
        }

        json.WriteEndObject();
        json.WriteStartObject("cut_offs");
        foreach (var rating in Enum.GetValues<RatingClass>())
        {
            WriteNumber(json, rating.ToString(), pool.CutOffs[(int)rating]);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        json.WritePropertyName(name);
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteRawValue(NumberText.Format(v), skipInputValidation: true);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}

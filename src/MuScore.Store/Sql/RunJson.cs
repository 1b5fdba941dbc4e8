using System.Buffers;
using System.Text;
using System.Text.Json;

namespace MuScore.Store.Sql;

/// <summary>The JSON columns of a run: its pool counts and its rejected records (docs/storage.md).</summary>
internal static class RunJson
{
    public static string WritePools(IReadOnlyList<PoolCounts> pools) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var pool in pools)
        {
            writer.WriteStartObject();
            writer.WriteString("pool", pool.Pool);
            writer.WriteNumber("size", pool.Size);
            writer.WriteNumber("a", pool.A);
            writer.WriteNumber("b", pool.B);
            writer.WriteNumber("c", pool.C);
            writer.WriteNumber("d", pool.D);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static string WriteRejected(IReadOnlyList<RejectedRecord> rejected) => Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var record in rejected)
        {
            writer.WriteStartObject();
            writer.WriteNumber("record", record.RecordNumber);
            writer.WriteString("credit_code", record.CreditCode);
            writer.WriteStartArray("violations");
            foreach (var violation in record.Violations)
            {
                writer.WriteStartObject();
                writer.WriteString("field", violation.Field);
                writer.WriteString("rule", violation.Rule);
                writer.WriteString("description", violation.Description);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    public static IReadOnlyList<PoolCounts> ReadPools(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(p => new PoolCounts(
            p.GetProperty("pool").GetString()!,
            p.GetProperty("size").GetInt32(),
            p.GetProperty("a").GetInt32(),
            p.GetProperty("b").GetInt32(),
            p.GetProperty("c").GetInt32(),
            p.GetProperty("d").GetInt32()))];
    }

    public static IReadOnlyList<RejectedRecord> ReadRejected(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(r => new RejectedRecord(
            r.GetProperty("record").GetInt32(),
            r.GetProperty("credit_code").GetString(),
            [.. r.GetProperty("violations").EnumerateArray().Select(v => new RecordViolation(
                v.GetProperty("field").GetString()!,
                v.GetProperty("rule").GetString()!,
                v.GetProperty("description").GetString()!))]))];
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

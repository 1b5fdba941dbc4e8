using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MuScore.Contracts.V1;

namespace MuScore.Cli.Auditing;

/// <summary>
/// One audit event as one line of JSON, keys always in this order: sequence, at, kind, caller,
/// region, year, run_id, version, reason, detail, previous_hash, hash. A fact the event lacks is
/// null; <c>at</c> is UTC with seven fractional digits, as in the canonical form (docs/audit.md);
/// <c>detail</c> is the stored text, a string.
/// </summary>
internal static class AuditEventJson
{
    // Relaxed: Chinese reasons stay readable and a detail's quotes stay \" rather than \u0022;
    // control characters are still escaped, so each event remains one line.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Line(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("sequence", e.Sequence);
            if (e.At is null)
            {
                writer.WriteNull("at");
            }
            else
            {
                writer.WriteString("at", e.At.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
            }

            writer.WriteString("kind", e.Kind);
            writer.WriteString("caller", e.Caller);
            Text(writer, "region", e.Region);
            Number(writer, "year", e.Year);
            Text(writer, "run_id", e.RunId);
            Number(writer, "version", e.Version);
            Text(writer, "reason", e.Reason);
            Text(writer, "detail", e.Detail);
            writer.WriteString("previous_hash", e.PreviousHash);
            writer.WriteString("hash", e.Hash);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private static void Text(Utf8JsonWriter writer, string name, string value)
    {
        if (value.Length == 0)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void Number(Utf8JsonWriter writer, string name, int value)
    {
        if (value == 0)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteNumber(name, value);
        }
    }
}

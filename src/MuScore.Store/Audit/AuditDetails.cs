using System.Buffers;
using System.Text;
using System.Text.Json;

namespace MuScore.Store.Audit;

/// <summary>The JSON details the store writes into its own entries (docs/audit.md).</summary>
internal static class AuditDetails
{
    /// <summary><c>{"records":…,"rated":…,"excluded":…,"rejected":…}</c>, with <c>"already_stored":true</c> for a run sent again.</summary>
    public static string Submitted(RunInfo run, bool alreadyStored) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("records", run.RecordCount);
        writer.WriteNumber("rated", run.RatedCount);
        writer.WriteNumber("excluded", run.ExcludedCount);
        writer.WriteNumber("rejected", run.RejectedCount);
        if (alreadyStored)
        {
            writer.WriteBoolean("already_stored", true);
        }

        writer.WriteEndObject();
    });

    /// <summary><c>{"replaces_version":…,"replaces_run_id":"…"}</c>: the version in force before; null for a region and year's first.</summary>
    public static string? Published(Publication? replaced) => replaced is null ? null : Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("replaces_version", replaced.Version);
        writer.WriteString("replaces_run_id", replaced.RunId);
        writer.WriteEndObject();
    });

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

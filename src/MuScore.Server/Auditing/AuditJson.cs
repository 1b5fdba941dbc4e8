using System.Text.Encodings.Web;
using System.Text.Json;

namespace MuScore.Server.Auditing;

/// <summary>One JSON form for every detail the server writes to the audit log: snake_case, compact.</summary>
internal static class AuditJson
{
    // Relaxed escaping: a detail is read by people in a terminal, never placed in HTML, and the
    // default encoder would write the '+' of a version "1.0.0+abc" as \u002B. Control characters
    // and quotes are still escaped.
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
}

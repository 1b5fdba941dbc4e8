using System.Text.Json;

namespace MuScore.Server.Auditing;

/// <summary>One JSON form for every detail the server writes to the audit log: snake_case, compact.</summary>
internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
}

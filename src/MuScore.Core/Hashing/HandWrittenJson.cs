using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MuScore.Core.Hashing;

/// <summary>
/// What scheme and policy files share: they are written by hand, so comments, trailing commas and
/// a byte-order mark are tolerated on reading, and neither reaches the canonical form or its hash.
/// </summary>
internal static class HandWrittenJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses the file text; a byte-order mark survives some ways of reading a file into a string.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static JsonDocument Parse(string json) => JsonDocument.Parse(json.AsMemory().TrimStart('\uFEFF'), DocumentOptions);

    /// <summary>Lower-case hex SHA-256 of the UTF-8 canonical text.</summary>
    public static string Hash(string canonical) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
}

using System.Text.Json;
using MuScore.Core.Hashing;

namespace MuScore.Core.Policies;

/// <summary>Reads, validates and writes policy files (format: docs/policies.md). Pure: the caller supplies the text.</summary>
public static class PolicyJson
{
    /// <summary>
    /// Parses and validates a policy file. Never throws for bad content: malformed JSON gives one
    /// error at <c>$</c> with line and byte; otherwise every rule broken is listed with its JSON path.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static PolicyLoadResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = HandWrittenJson.Parse(json);
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line && exception.BytePositionInLine is { } position
                ? FormattableString.Invariant($" at line {line + 1}, byte {position + 1}")
                : string.Empty;
            return new(null, [new PolicyError("$", $"malformed JSON{where}")]);
        }

        using (document)
        {
            return PolicyReader.Read(document.RootElement);
        }
    }

    /// <summary>The canonical text; <c>Parse(ToCanonicalJson(p))</c> gives a policy with the same canonical text.</summary>
    public static string ToCanonicalJson(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return PolicyCanonicalWriter.Write(policy);
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 canonical JSON: layout, key order and comments do not change it; any figure, date or text does.</summary>
    public static string Hash(Policy policy) =>
        HandWrittenJson.Hash(ToCanonicalJson(policy));
}

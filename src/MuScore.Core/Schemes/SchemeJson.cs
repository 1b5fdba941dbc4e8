using System.Text.Json;
using MuScore.Core.Hashing;

namespace MuScore.Core.Schemes;

/// <summary>
/// Reads, validates and writes scheme files (format: docs/schemes.md). Pure: the caller supplies
/// the text.
/// </summary>
public static class SchemeJson
{
    /// <summary>
    /// Parses and validates a scheme file. Never throws for bad content: malformed JSON gives one
    /// error at path <c>$</c> with the line and byte position; otherwise every rule broken is
    /// listed with its JSON path.
    /// </summary>
    /// <param name="json">The file text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static SchemeLoadResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = HandWrittenJson.Parse(json);
        }
        catch (JsonException exception)
        {
            return new(null, [new SchemeError("$", Describe(exception))]);
        }

        using (document)
        {
            return SchemeReader.Read(document.RootElement);
        }
    }

    /// <summary>
    /// The canonical form: fixed property order, every default written out, invariant shortest
    /// round-trip numbers (decimals without trailing zeros), 2-space indent, "\n" line endings and
    /// a final newline, division lists ascending. <c>Parse(ToCanonicalJson(s))</c> gives a scheme
    /// with the same canonical form.
    /// </summary>
    /// <exception cref="ArgumentException">A number of the scheme is not finite or an enum value is undefined (a scheme built in code, not by <see cref="Parse"/>).</exception>
    public static string ToCanonicalJson(Scheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return SchemeCanonicalWriter.Write(scheme);
    }

    /// <summary>
    /// Lower-case hex SHA-256 of the UTF-8 canonical JSON: layout, key order, comments and
    /// omitted defaults do not change it; any rule, id, version, title or description change does.
    /// </summary>
    public static string Hash(Scheme scheme) =>
        HandWrittenJson.Hash(ToCanonicalJson(scheme));

    private static string Describe(JsonException exception)
    {
        // The reader appends zero-based "LineNumber: x | BytePositionInLine: y." to its message;
        // say it once, one-based, as an editor shows it.
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        return exception.LineNumber is { } line && exception.BytePositionInLine is { } position
            ? FormattableString.Invariant($"malformed JSON at line {line + 1}, byte {position + 1}: {message}")
            : $"malformed JSON: {message}";
    }
}

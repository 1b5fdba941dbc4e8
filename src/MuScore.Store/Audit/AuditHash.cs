using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MuScore.Store.Audit;

/// <summary>
/// The canonical form of an audit entry and its hash, exactly as docs/audit.md specifies it so that
/// anyone can re-verify a chain without this code: the lines
/// <c>muscore-audit-1</c>, sequence, kind, at, caller, region, year, run_id, version, reason,
/// detail and previous_hash joined by "\n" (no newline at the end), each field written as <c>-</c>
/// for null or <c>+</c>, its UTF-8 byte length, <c>:</c> and its text. The length prefix makes
/// the form unambiguous whatever the text holds (newlines, colons, "-"), and null differs from "".
/// </summary>
internal static class AuditHash
{
    /// <summary>The first line of every canonical form; a new form would get a new tag.</summary>
    public const string FormTag = "muscore-audit-1";

    /// <summary>The previous hash of entry 1, and the head of an empty log.</summary>
    public static readonly string Zeros = new('0', 64);

    /// <summary>Times in the canonical form: UTC, ISO-8601, always seven fractional digits (ticks).</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>Strict UTF-8: text that is not valid UTF-16 (a lone surrogate) throws instead of turning into U+FFFD.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Lower-case hex SHA-256 of the canonical form.</summary>
    public static string Compute(long sequence, AuditRecord record, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Canonical(sequence, record, previousHash)));

    /// <summary>The canonical form's bytes.</summary>
    public static byte[] Canonical(long sequence, AuditRecord record, string previousHash)
    {
        var text = new StringBuilder(256 + (record.Detail?.Length ?? 0));
        text.Append(FormTag);
        Field(text, sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, record.Kind);
        Field(text, record.At.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
        Field(text, record.Caller);
        Field(text, record.Region);
        Field(text, record.Year?.ToString(CultureInfo.InvariantCulture));
        Field(text, record.RunId);
        Field(text, record.Version?.ToString(CultureInfo.InvariantCulture));
        Field(text, record.Reason);
        Field(text, record.Detail);
        Field(text, previousHash);
        return Utf8.GetBytes(text.ToString());
    }

    private static void Field(StringBuilder text, string? value)
    {
        text.Append('\n');
        if (value is null)
        {
            text.Append('-');
            return;
        }

        text.Append('+').Append(Utf8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}

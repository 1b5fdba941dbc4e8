using System.Text;

namespace MuScore.Store.Audit;

/// <summary>
/// The bounds of what one entry may hold, checked before anything is written: they keep a caller
/// (or the server quoting a caller) from filling the log, and every text must be storable the same
/// way in SQLite and PostgreSQL, which cannot hold NUL characters or invalid UTF-16.
/// </summary>
internal static class AuditLimits
{
    public const int MaxKind = 64;
    public const int MaxCaller = 256;
    public const int MaxReason = 1024;
    public const int MaxDetailBytes = 16 * 1024;

    /// <exception cref="ArgumentException">A field breaks a bound; the message names it.</exception>
    public static void Validate(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrWhiteSpace(record.Kind) || record.Kind.Length > MaxKind)
        {
            throw new ArgumentException($"audit kind must be 1 to {MaxKind} characters, not blank", nameof(record));
        }

        ArgumentNullException.ThrowIfNull(record.Caller, nameof(record));
        CheckLength("caller", record.Caller, MaxCaller);
        CheckLength("reason", record.Reason, MaxReason);
        if (record.Detail is not null && Bytes("detail", record.Detail) > MaxDetailBytes)
        {
            throw new ArgumentException($"audit detail is longer than {MaxDetailBytes} UTF-8 bytes", nameof(record));
        }

        foreach (var (name, value) in new[] { ("kind", record.Kind), ("caller", record.Caller), ("region", record.Region), ("run id", record.RunId), ("reason", record.Reason), ("detail", record.Detail) })
        {
            if (value is not null)
            {
                Storable(name, value);
            }
        }
    }

    /// <exception cref="ArgumentException">The text is longer than <paramref name="max"/> characters.</exception>
    public static void CheckLength(string name, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            throw new ArgumentException($"audit {name} is longer than {max} characters ({value.Length})", name);
        }
    }

    private static void Storable(string name, string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"audit {name} holds a NUL character", name);
        }

        _ = Bytes(name, value);
    }

    private static int Bytes(string name, string value)
    {
        try
        {
            return AuditHash.Utf8.GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException($"audit {name} is not valid UTF-16 text (a lone surrogate)", name);
        }
    }
}

namespace MuScore.Server.Diagnostics;

/// <summary>
/// Bounds what goes into a log line. Values can come from clients or from exception messages that
/// quote them; a 1 MB bad value must not become a 1 MB log line, so every such value passes here.
/// </summary>
internal static class LogValues
{
    /// <summary>The longest value logged, in characters.</summary>
    public const int MaxLength = 200;

    /// <summary>The value, or its first <see cref="MaxLength"/> characters followed by "…" and how many were left out.</summary>
    public static string Cut(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        if (value.Length <= MaxLength)
        {
            return value;
        }

        // Never split a surrogate pair: a lone half is not valid text for a log sink.
        var keep = char.IsHighSurrogate(value[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return string.Concat(value.AsSpan(0, keep), $"… ({value.Length - keep} more characters)");
    }
}

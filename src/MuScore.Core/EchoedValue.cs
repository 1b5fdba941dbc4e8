namespace MuScore.Core;

/// <summary>
/// Bounds a value taken from the input before a message repeats it: a rejected record's
/// description travels back to the uploader (SubmitRun's rejected records, errors.csv) and a
/// scheme or policy error to the caller, and a 5,000-character cell must not come back whole. The
/// same rule as the server's own <c>EchoText</c>: at most <see cref="MaxLength"/> characters, then "…".
/// </summary>
internal static class EchoedValue
{
    /// <summary>The longest value repeated, in characters.</summary>
    public const int MaxLength = 64;

    /// <summary>The value itself when short enough, else its first <see cref="MaxLength"/> characters and "…".</summary>
    public static string Bound(ReadOnlySpan<char> value)
    {
        if (value.Length <= MaxLength)
        {
            return value.ToString();
        }

        // Never cut a surrogate pair in half: the text must stay valid UTF-16 (and UTF-8 on the wire).
        var cut = char.IsHighSurrogate(value[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return string.Concat(value[..cut], "…");
    }
}

namespace MuScore.Server.Errors;

/// <summary>
/// Bounds a client's value before it is echoed in an error: a 5,000-character code repeated in a
/// message and its details would overflow the trailers and turn a clear INVALID_ARGUMENT into
/// RESOURCE_EXHAUSTED on the client.
/// </summary>
internal static class EchoText
{
    /// <summary>The longest echoed value, in characters.</summary>
    public const int MaxEchoed = 64;

    /// <summary>The value itself when short enough, else its first <paramref name="max"/> characters and "…".</summary>
    public static string Bound(string? value, int max = MaxEchoed)
    {
        if (value is null || value.Length <= max)
        {
            return value ?? string.Empty;
        }

        // Never cut a surrogate pair in half: the result must stay valid UTF-16 (and UTF-8 on the wire).
        var cut = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return string.Concat(value.AsSpan(0, cut), "…");
    }
}

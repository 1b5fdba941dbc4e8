using System.Text.Json;

namespace MuScore.Core.Schemes;

/// <summary>Numbers, booleans and enum words of <see cref="JsonObjectReader"/>.</summary>
internal sealed partial class JsonObjectReader
{
    /// <summary>A number; <paramref name="fallback"/> when absent, or an error when absent and no fallback.</summary>
    public bool TryDouble(string name, double? fallback, out double value)
    {
        value = fallback ?? 0;
        if (!properties.TryGetValue(name, out var element))
        {
            return Missing(name, fallback is not null);
        }

        if (element.ValueKind != JsonValueKind.Number)
        {
            Error(name, $"{name} must be a number");
            return false;
        }

        // Overflowing literals such as 1e400 parse as infinity.
        if (!element.TryGetDouble(out value) || !double.IsFinite(value))
        {
            Error(name, $"{name} must be a finite number");
            return false;
        }

        value += 0.0; // -0 becomes 0, so it cannot change the canonical form
        return true;
    }

    /// <summary>A number or null; null when absent.</summary>
    public bool TryNullableDouble(string name, out double? value)
    {
        value = null;
        if (!properties.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        var ok = TryDouble(name, 0, out var number);
        value = ok ? number : null;
        return ok;
    }

    /// <summary>An exact decimal number; <paramref name="fallback"/> when absent.</summary>
    public bool TryDecimal(string name, decimal fallback, out decimal value)
    {
        value = fallback;
        if (!properties.TryGetValue(name, out var element))
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Number)
        {
            Error(name, $"{name} must be a number");
            return false;
        }

        if (!element.TryGetDecimal(out value))
        {
            Error(name, $"{name} is out of range");
            return false;
        }

        return true;
    }

    /// <summary>An exact decimal number or null (rule disabled); <paramref name="fallback"/> when absent.</summary>
    public bool TryNullableDecimal(string name, decimal? fallback, out decimal? value)
    {
        value = fallback;
        if (!properties.TryGetValue(name, out var element))
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.Null)
        {
            value = null;
            return true;
        }

        var ok = TryDecimal(name, 0, out var number);
        value = ok ? number : null;
        return ok;
    }

    /// <summary>An integer; <paramref name="fallback"/> when absent.</summary>
    public bool TryInt(string name, int fallback, out int value)
    {
        value = fallback;
        if (!properties.TryGetValue(name, out var element))
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out value))
        {
            Error(name, $"{name} must be an integer");
            return false;
        }

        return true;
    }

    /// <summary>true or false; <paramref name="fallback"/> when absent.</summary>
    public bool TryBool(string name, bool fallback, out bool value)
    {
        value = fallback;
        if (!properties.TryGetValue(name, out var element))
        {
            return true;
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(name, $"{name} must be true or false");
            return false;
        }

        value = element.GetBoolean();
        return true;
    }

    /// <summary>One of the words in <paramref name="tokens"/>; <paramref name="fallback"/> when absent (required when null).</summary>
    public bool TryToken<T>(string name, T? fallback, IReadOnlyList<(string Token, T Value)> tokens, out T value)
        where T : struct, Enum
    {
        value = fallback ?? default;
        if (!properties.TryGetValue(name, out var element))
        {
            return Missing(name, fallback is not null);
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString();
            foreach (var (token, candidate) in tokens)
            {
                if (string.Equals(token, text, StringComparison.Ordinal))
                {
                    value = candidate;
                    return true;
                }
            }
        }

        var known = string.Join(", ", tokens.Select(t => $"\"{t.Token}\""));
        Error(name, $"{name} must be one of {known}");
        return false;
    }
}

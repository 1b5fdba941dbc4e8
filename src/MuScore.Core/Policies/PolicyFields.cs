using System.Globalization;
using System.Text.Json;
using MuScore.Core.Rating;
using MuScore.Core.Schemes;

namespace MuScore.Core.Policies;

/// <summary>
/// Field readers a policy file needs beyond the scheme files' <see cref="JsonObjectReader"/>
/// (which it reuses): required decimals, dates, effective periods, class sets and object arrays.
/// </summary>
internal static class PolicyFields
{
    public static readonly string[] SectionNames = ["clause", "effective_from", "effective_to"];

    /// <summary>A required exact decimal, optionally bounded below (inclusive unless <paramref name="exclusive"/>).</summary>
    public static decimal Decimal(JsonObjectReader reader, string name, decimal? min = null, bool exclusive = false, decimal? max = null)
    {
        if (!reader.Has(name))
        {
            reader.Error(name, $"{name} is required");
            return 0m;
        }

        if (reader.TryDecimal(name, 0m, out var value))
        {
            Bound(reader, name, value, min, exclusive, max);
        }

        return value;
    }

    /// <summary>A decimal that must be written, as a number or null.</summary>
    public static decimal? NullableDecimal(JsonObjectReader reader, string name, decimal? min = null, bool exclusive = false)
    {
        if (!reader.Has(name))
        {
            reader.Error(name, $"{name} is required (null when not set)");
            return null;
        }

        if (reader.TryNullableDecimal(name, null, out var value) && value is { } number)
        {
            Bound(reader, name, number, min, exclusive, null);
        }

        return value;
    }

    /// <summary>The common section fields; null when the period is unusable.</summary>
    public static (string? Clause, EffectivePeriod? Period) Section(JsonObjectReader reader)
    {
        var clause = reader.Text("clause");
        var from = Date(reader, "effective_from", required: true);
        var to = Date(reader, "effective_to", required: false);
        if (from is { } start && to is { } end && end <= start)
        {
            reader.Error("effective_to", $"effective_to ({EffectivePeriod.Day(end)}) must be after effective_from ({EffectivePeriod.Day(start)}); it is exclusive");
            return (clause, null);
        }

        return (clause, from is { } first ? new EffectivePeriod(first, to) : null);
    }

    /// <summary>A set of classes; null when absent and allowed (<paramref name="nullable"/>), or invalid.</summary>
    public static IReadOnlyList<RatingClass>? Classes(JsonObjectReader reader, string name, bool nullable = false)
    {
        if (!reader.Has(name))
        {
            reader.Error(name, nullable ? $"{name} is required (null when any class qualifies)" : $"{name} is required");
            return null;
        }

        if (!reader.TryArray(name, nullable, out var array) || array is not { } list)
        {
            return null;
        }

        var classes = new SortedSet<RatingClass>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var entry = RequestChecks.Item(name, index++);
            var match = PolicyJsonTokens.Classes.FirstOrDefault(t => item.ValueKind == JsonValueKind.String && string.Equals(t.Token, item.GetString(), StringComparison.Ordinal));
            if (match.Token is null)
            {
                reader.Error(entry, "a class must be one of \"A\", \"B\", \"C\", \"D\"");
            }
            else if (!classes.Add(match.Value))
            {
                reader.Error(entry, $"class {match.Token} is listed twice");
            }
        }

        return [.. classes];
    }

    /// <summary>
    /// Reads every object of an array (at least one unless <paramref name="allowEmpty"/>). An entry
    /// that records any error is left out, so callers can trust what they get back.
    /// </summary>
    public static List<T> Objects<T>(
        JsonObjectReader reader, string name, bool required, bool allowEmpty, IReadOnlyList<string> known, List<SchemeError> errors, Func<JsonObjectReader, List<SchemeError>, T?> read)
        where T : class
    {
        var items = new List<T>();
        if (!reader.Has(name))
        {
            if (required)
            {
                reader.Error(name, $"{name} is required");
            }

            return items;
        }

        if (!reader.TryArray(name, allowNull: false, out var array) || array is not { } list)
        {
            return items;
        }

        var index = 0;
        foreach (var element in list.EnumerateArray())
        {
            var before = errors.Count;
            var item = JsonObjectReader.Open(element, RequestChecks.Item(reader.PathOf(name), index++), errors, known);
            if (item is not null && read(item, errors) is { } value && errors.Count == before)
            {
                items.Add(value);
            }
        }

        if (index == 0 && !allowEmpty)
        {
            reader.Error(name, $"{name} must hold at least one entry");
        }

        return items;
    }

    private static DateOnly? Date(JsonObjectReader reader, string name, bool required)
    {
        var text = reader.String(name, required);
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            reader.Error(name, $"{name} '{text}' must be a date written yyyy-MM-dd");
            return null;
        }

        return date;
    }

    private static void Bound(JsonObjectReader reader, string name, decimal value, decimal? min, bool exclusive, decimal? max)
    {
        if (min is { } low && (exclusive ? value <= low : value < low))
        {
            reader.Error(name, $"{name} must be {(exclusive ? "greater than" : "at least")} {Money.Text(low)} (is {Money.Text(value)})");
        }
        else if (value > (max ?? RequestChecks.MaxMagnitude))
        {
            var high = max ?? RequestChecks.MaxMagnitude;
            reader.Error(name, $"{name} must be at most {Money.Text(high)} (is {Money.Text(value)})");
        }
    }
}

using System.Text.Json;

namespace MuScore.Core.Schemes;

/// <summary>
/// Reads the properties of one JSON object of a scheme file, recording every problem as a
/// <see cref="SchemeError"/> with its path instead of throwing. Unknown and duplicate properties
/// are errors, so a typo is never silently ignored. Each Try method returns false when the value
/// is present but wrong (the error is already recorded), so callers skip rules that depend on it.
/// </summary>
internal sealed partial class JsonObjectReader
{
    private readonly Dictionary<string, JsonElement> properties = new(StringComparer.Ordinal);
    private readonly List<SchemeError> errors;
    private readonly string path;

    private JsonObjectReader(string path, List<SchemeError> errors)
    {
        this.path = path;
        this.errors = errors;
    }

    /// <summary>A reader over no properties, so every field takes its default.</summary>
    public static JsonObjectReader Empty(string path, List<SchemeError> errors) => new(path, errors);

    /// <summary>Opens an object; null (with an error) when the element is not an object.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, List<SchemeError> errors, IReadOnlyList<string> known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(path.Length == 0 ? "$" : path, $"{(path.Length == 0 ? "the scheme" : path)} must be an object"));
            return null;
        }

        var reader = new JsonObjectReader(path, errors);
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                reader.Error(property.Name, $"unknown property '{EchoedValue.Bound(property.Name)}'; known: {string.Join(", ", known)}");
            }
            else if (!reader.properties.TryAdd(property.Name, property.Value))
            {
                reader.Error(property.Name, $"{property.Name} appears more than once");
            }
        }

        return reader;
    }

    /// <summary>The path of a property of this object.</summary>
    public string PathOf(string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>Records an error on a property of this object.</summary>
    public void Error(string name, string message) => errors.Add(new(PathOf(name), message));

    /// <summary>Records an error on this object as a whole (a rule across its properties).</summary>
    public void ObjectError(string message) => errors.Add(new(path.Length == 0 ? "$" : path, message));

    /// <summary>True when the property is written (even as null).</summary>
    public bool Has(string name) => properties.ContainsKey(name);

    /// <summary>The property's value when written.</summary>
    public bool TryGet(string name, out JsonElement value) => properties.TryGetValue(name, out value);

    /// <summary>A string property; null when absent, null or not a string (errors recorded as required).</summary>
    public string? String(string name, bool required)
    {
        if (!properties.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(name, $"{name} is required");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(name, $"{name} must be a string");
            return null;
        }

        return value.GetString();
    }

    /// <summary>A required string that is not blank; null (error recorded) otherwise.</summary>
    public string? Text(string name)
    {
        var text = String(name, required: true);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            Error(name, $"{name} must not be empty");
            return null;
        }

        return text;
    }

    /// <summary>An array; null when absent (or null, if <paramref name="allowNull"/>).</summary>
    public bool TryArray(string name, bool allowNull, out JsonElement? array)
    {
        array = null;
        if (!properties.TryGetValue(name, out var element) || (allowNull && element.ValueKind == JsonValueKind.Null))
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            Error(name, $"{name} must be an array");
            return false;
        }

        array = element;
        return true;
    }

    /// <summary>A nested object; an empty reader (all defaults) when absent; null (error recorded) when not an object.</summary>
    public JsonObjectReader? Object(string name, IReadOnlyList<string> known) =>
        properties.TryGetValue(name, out var element)
            ? Open(element, PathOf(name), errors, known)
            : Empty(PathOf(name), errors);

    private bool Missing(string name, bool hasDefault)
    {
        if (!hasDefault)
        {
            Error(name, $"{name} is required");
        }

        return hasDefault;
    }
}

using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace MuScore.Core.Schemes;

/// <summary>
/// The named schemes shipped inside MuScore.Core (docs/method.md §7), read from the assembly's
/// embedded <c>Schemes/Presets/*.json</c> once, on first use. A region may also supply its own
/// file through <see cref="SchemeJson.Parse"/>.
/// </summary>
public static class SchemePresets
{
    private const string ResourcePrefix = "MuScore.Core.Schemes.Presets.";

    // Lazy<T> defaults to ExecutionAndPublication: loaded once even under concurrent first use.
    private static readonly Lazy<Catalog> Loaded = new(Load);

    /// <summary>Preset names (each the scheme id), sorted ordinally.</summary>
    public static IReadOnlyList<string> Names => Loaded.Value.Names;

    /// <summary>The preset scheme named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No preset has that name; the message lists the known names.</exception>
    public static Scheme Get(string name) =>
        TryGet(name, out var scheme)
            ? scheme
            : throw new KeyNotFoundException($"unknown scheme preset '{name}'; known: {string.Join(", ", Names)}");

    /// <summary>Finds a preset scheme by name (ordinal, case-sensitive).</summary>
    public static bool TryGet(string name, [MaybeNullWhen(false)] out Scheme scheme)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Loaded.Value.Presets.TryGetValue(name, out var preset))
        {
            scheme = preset.Scheme;
            return true;
        }

        scheme = null;
        return false;
    }

    /// <summary>The embedded file text of a preset, as shipped.</summary>
    /// <exception cref="KeyNotFoundException">No preset has that name.</exception>
    public static string GetJson(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Loaded.Value.Presets.TryGetValue(name, out var preset)
            ? preset.Json
            : throw new KeyNotFoundException($"unknown scheme preset '{name}'; known: {string.Join(", ", Names)}");
    }

    private static Catalog Load()
    {
        var presets = new Dictionary<string, Preset>(StringComparer.Ordinal);
        foreach (var (name, json) in EmbeddedPresetFiles.Read(ResourcePrefix))
        {
            presets.Add(name, new Preset(json, Validate(name, json)));
        }

        var names = presets.Keys.Order(StringComparer.Ordinal).ToArray();
        return new Catalog(names.AsReadOnly(), presets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    // A shipped preset that fails validation is a bug in this assembly, not bad user input.
    private static Scheme Validate(string name, string json)
    {
        var result = SchemeJson.Parse(json);
        if (result.Scheme is not { } scheme || !result.IsValid)
        {
            throw new InvalidOperationException(
                $"embedded scheme preset '{name}' is invalid: {string.Join("; ", result.Errors)}");
        }

        if (!string.Equals(scheme.Id, name, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"embedded scheme preset file '{name}.json' holds scheme id '{scheme.Id}'");
        }

        return scheme;
    }

    private sealed record Preset(string Json, Scheme Scheme);

    private sealed record Catalog(IReadOnlyList<string> Names, FrozenDictionary<string, Preset> Presets);
}

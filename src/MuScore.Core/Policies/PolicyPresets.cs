using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace MuScore.Core.Policies;

/// <summary>
/// The named policies shipped inside MuScore.Core (docs/method.md §8, seed 004), read from the
/// embedded <c>Policies/Presets/*.json</c> once, on first use. A region may supply its own file
/// through <see cref="PolicyJson.Parse"/> and combine it with these in <see cref="PolicySet.Create"/>.
/// </summary>
public static class PolicyPresets
{
    private const string ResourcePrefix = "MuScore.Core.Policies.Presets.";

    private static readonly Lazy<Catalog> Loaded = new(Load);

    /// <summary>Preset names (each the policy id), sorted ordinally.</summary>
    public static IReadOnlyList<string> Names => Loaded.Value.Names;

    /// <summary>Every preset in one set.</summary>
    public static PolicySet All => Loaded.Value.All;

    /// <summary>The preset named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No preset has that name; the message lists the known names.</exception>
    public static Policy Get(string name) =>
        TryGet(name, out var policy)
            ? policy
            : throw new KeyNotFoundException($"unknown policy preset '{name}'; known: {string.Join(", ", Names)}");

    /// <summary>Finds a preset by name (ordinal, case-sensitive).</summary>
    public static bool TryGet(string name, [MaybeNullWhen(false)] out Policy policy)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = Loaded.Value.Presets.TryGetValue(name, out var preset);
        policy = found ? preset!.Policy : null;
        return found;
    }

    /// <summary>The embedded file text of a preset, as shipped.</summary>
    /// <exception cref="KeyNotFoundException">No preset has that name.</exception>
    public static string GetJson(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Loaded.Value.Presets.TryGetValue(name, out var preset)
            ? preset.Json
            : throw new KeyNotFoundException($"unknown policy preset '{name}'; known: {string.Join(", ", Names)}");
    }

    private static Catalog Load()
    {
        var presets = new Dictionary<string, Preset>(StringComparer.Ordinal);
        foreach (var (name, json) in EmbeddedPresetFiles.Read(ResourcePrefix))
        {
            presets.Add(name, new Preset(json, Validate(name, json)));
        }

        // Shipped presets that conflict are a bug in this assembly, not bad user input.
        var set = PolicySet.Create(presets.Values.Select(p => p.Policy));
        var all = set.Set ?? throw new InvalidOperationException($"embedded policy presets conflict: {string.Join("; ", set.Errors)}");
        var names = presets.Keys.Order(StringComparer.Ordinal).ToArray();
        return new Catalog(names.AsReadOnly(), presets.ToFrozenDictionary(StringComparer.Ordinal), all);
    }

    private static Policy Validate(string name, string json)
    {
        var result = PolicyJson.Parse(json);
        if (result.Policy is not { } policy || !result.IsValid)
        {
            throw new InvalidOperationException($"embedded policy preset '{name}' is invalid: {string.Join("; ", result.Errors)}");
        }

        return string.Equals(policy.Id, name, StringComparison.Ordinal)
            ? policy
            : throw new InvalidOperationException($"embedded policy preset file '{name}.json' holds policy id '{policy.Id}'");
    }

    private sealed record Preset(string Json, Policy Policy);

    private sealed record Catalog(IReadOnlyList<string> Names, FrozenDictionary<string, Preset> Presets, PolicySet All);
}

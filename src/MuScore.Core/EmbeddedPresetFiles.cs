using System.Text;

namespace MuScore.Core;

/// <summary>The JSON preset files embedded in this assembly (schemes, policies), by logical-name prefix.</summary>
internal static class EmbeddedPresetFiles
{
    private const string Suffix = ".json";

    /// <summary>Every embedded "<paramref name="prefix"/>NAME.json" as (NAME, text).</summary>
    public static IEnumerable<(string Name, string Json)> Read(string prefix)
    {
        var assembly = typeof(EmbeddedPresetFiles).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(Suffix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"embedded preset '{resource}' cannot be opened");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            yield return (resource[prefix.Length..^Suffix.Length], reader.ReadToEnd());
        }
    }
}

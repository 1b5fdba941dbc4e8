using Microsoft.Extensions.Options;
using MuScore.Core.Policies;
using MuScore.Server.Options;

namespace MuScore.Server.Policies;

/// <summary>
/// The policies the server answers from: the shipped presets plus the configured files. A file
/// that does not parse, or conflicts with another policy, stops the server at start with every
/// error named by file and JSON path, rather than answering from a set the region did not intend.
/// </summary>
internal sealed class PolicyFiles : IValidateOptions<PolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, PolicyOptions options) =>
        Load(options) is { Errors.Count: > 0 } result
            ? ValidateOptionsResult.Fail(result.Errors)
            : ValidateOptionsResult.Success;

    /// <summary>The set to answer from; throws when the files are invalid (start-up validation reports them first).</summary>
    public static PolicySet Build(PolicyOptions options)
    {
        var result = Load(options);
        return result.Set ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    private static (PolicySet? Set, IReadOnlyList<string> Errors) Load(PolicyOptions options)
    {
        if (options.Files.Count == 0)
        {
            return (PolicyPresets.All, []);
        }

        var errors = new List<string>();
        var policies = PolicyPresets.Names.Select(PolicyPresets.Get).ToList();
        foreach (var path in options.Files)
        {
            string json;
            try
            {
                json = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                errors.Add($"{Section(path)}: cannot be read: {e.Message}");
                continue;
            }

            var parsed = PolicyJson.Parse(json);
            errors.AddRange(parsed.Errors.Select(error => $"{Section(path)}: {error}"));
            if (parsed.IsValid)
            {
                policies.Add(parsed.Policy!);
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var set = PolicySet.Create(policies);
        return set.IsValid ? (set.Set, []) : (null, [.. set.Errors.Select(error => $"{PolicyOptions.Section}: {error}")]);
    }

    private static string Section(string path) => $"{PolicyOptions.Section}:Files '{path}'";
}

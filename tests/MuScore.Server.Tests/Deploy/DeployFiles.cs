using System.Text.RegularExpressions;

namespace MuScore.Server.Tests.Deploy;

/// <summary>
/// The deployment files of the repository (deploy/ and the Dockerfile) as text, and the server
/// settings, ports and health service names they name, found by pattern: the files mix YAML,
/// env files and Markdown, and a name anywhere in them must be one the server knows.
/// </summary>
internal static partial class DeployFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every text file under deploy/ plus the Dockerfile, relative path to contents.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = Load();

    public static string Read(string relativePath) => All[relativePath];

    /// <summary>
    /// Every setting named: <c>MuScore__A__B</c> (environment form) and <c>MuScore:A:B</c>, as
    /// configuration keys (<c>MuScore:A:B</c>), with the literal value on the same line when there
    /// is one (<c>KEY: value</c>, <c>KEY=value</c>) or on the next (<c>- name: KEY</c> / <c>value: …</c>).
    /// </summary>
    public static IReadOnlyList<NamedSetting> Settings()
    {
        var settings = new List<NamedSetting>();
        foreach (var (path, text) in All)
        {
            foreach (Match match in SettingPattern().Matches(text))
            {
                var key = match.Groups["key"].Value.Replace("__", ":", StringComparison.Ordinal);
                var value = match.Groups["value"].Success ? match.Groups["value"].Value : match.Groups["next"].Success ? match.Groups["next"].Value : null;

                // In a comment the name is checked, the words after it are prose, not a value.
                settings.Add(new NamedSetting(path, key, value is null || InComment(text, match.Index) ? null : Unquote(value.Trim())));
            }
        }

        return settings;
    }

    private static bool InComment(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return text.AsSpan(lineStart, index - lineStart).Contains('#');
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;

    // A key (env or colon form), then optionally ": value" / "=value" on the line, or a
    // Kubernetes env entry's "value:" on the next line. A value is one word: paths and connection
    // strings have no spaces, a Dockerfile ENV line goes on with " \", and Markdown code ends at a
    // backtick. Lowercase "muscore:v1:" (the Redis key prefix) is not a setting and does not match.
    [GeneratedRegex("""(?<key>\bMuScore(?:__[A-Za-z][A-Za-z0-9]*(?:__\d+)?)+|\bMuScore(?::[A-Za-z][A-Za-z0-9]*(?::\d+)?)+)(?:[ \t]*[:=][ \t]*(?<value>[^\s#`]+)|[ \t]*\r?\n[ \t]*value:[ \t]*(?<next>[^\s#`]+))?""")]
    private static partial Regex SettingPattern();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MuScore.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MuScore.sln not found above the test binaries");
    }

    private static Dictionary<string, string> Load()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal) { ["Dockerfile"] = File.ReadAllText(Path.Combine(Root, "Dockerfile")) };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "deploy"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');

            // Real secrets (deploy/compose/secrets/, ignored by git) may sit in a working copy; never read them.
            if (!relative.Contains("/secrets/", StringComparison.Ordinal))
            {
                files[relative] = File.ReadAllText(file);
            }
        }

        return files;
    }
}

/// <summary>A setting a deployment file names: where, its configuration key, and its literal value if written there.</summary>
internal sealed record NamedSetting(string File, string Key, string? Value);

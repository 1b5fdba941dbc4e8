using System.Text.RegularExpressions;

namespace MuScore.Cli.Tests.Readme;

/// <summary>The targets of a Markdown document's inline links, <c>[text](target)</c>, outside code blocks and code spans.</summary>
internal static partial class MarkdownLinks
{
    public static IEnumerable<string> Targets(string markdown)
    {
        var inFence = false;
        foreach (var line in markdown.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            foreach (Match match in Link().Matches(CodeSpan().Replace(line, string.Empty)))
            {
                yield return match.Groups["target"].Value;
            }
        }
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();
}

using System.Text.RegularExpressions;

namespace MuScore.Cli.Tests.Readme;

/// <summary>
/// One ```sh block of README.md with the <c>readme-test</c> marker above it:
/// <code>
/// &lt;!-- readme-test: run[, server]
/// expect: stable text the output must contain
/// --&gt;
/// </code>
/// or <c>&lt;!-- readme-test: skip: why it cannot run here --&gt;</c>.
/// </summary>
/// <param name="Line">The README line of the block's opening fence (1-based).</param>
/// <param name="Script">The block's text.</param>
/// <param name="Marker">The marker's text after "readme-test:", or null when the block has none.</param>
internal sealed partial record ReadmeBlock(int Line, string Script, string? Marker)
{
    /// <summary>Whether the marker says to run the block.</summary>
    public bool Runs => Marker is not null && Marker.StartsWith("run", StringComparison.Ordinal);

    /// <summary>Whether the block needs a server listening where the README says (127.0.0.1:5080).</summary>
    public bool NeedsServer => Runs && FirstLine(Marker!).Contains("server", StringComparison.Ordinal);

    /// <summary>Why the block is not run, from a "skip:" marker; null otherwise.</summary>
    public string? SkipReason =>
        Marker is not null && Marker.StartsWith("skip:", StringComparison.Ordinal) ? Marker["skip:".Length..].Trim() : null;

    /// <summary>The "expect:" lines: text the block's output must contain, compared with runs of white space as one space.</summary>
    public IReadOnlyList<string> Expected =>
        Marker is null
            ? []
            : [.. Marker.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("expect:", StringComparison.Ordinal)).Select(l => Collapse(l["expect:".Length..]))];

    /// <summary>Every ```sh block of <paramref name="markdown"/>, each with the readme-test comment that ends right above it.</summary>
    public static IReadOnlyList<ReadmeBlock> Parse(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<ReadmeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() != "```sh")
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == "```");
            if (end < 0)
            {
                throw new InvalidOperationException($"README.md line {i + 1}: the ```sh block is never closed");
            }

            blocks.Add(new ReadmeBlock(i + 1, string.Join('\n', lines[(i + 1)..end]), MarkerAbove(lines, i)));
            i = end;
        }

        return blocks;
    }

    /// <summary>Text with every run of white space as one space, trimmed.</summary>
    public static string Collapse(string text) => Spaces().Replace(text, " ").Trim();

    private static string? MarkerAbove(string[] lines, int fence)
    {
        var close = fence - 1;
        while (close >= 0 && lines[close].Trim().Length == 0)
        {
            close--;
        }

        if (close < 0 || !lines[close].TrimEnd().EndsWith("-->", StringComparison.Ordinal))
        {
            return null;
        }

        var open = close;
        while (open >= 0 && !lines[open].Contains("<!--", StringComparison.Ordinal))
        {
            open--;
        }

        if (open < 0)
        {
            return null;
        }

        var comment = string.Join('\n', lines[open..(close + 1)]);
        var start = comment.IndexOf("<!--", StringComparison.Ordinal) + 4;
        var body = comment[start..comment.LastIndexOf("-->", StringComparison.Ordinal)].Trim();
        return body.StartsWith("readme-test:", StringComparison.Ordinal) ? body["readme-test:".Length..].Trim() : null;
    }

    private static string FirstLine(string text) => text.Split('\n')[0];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

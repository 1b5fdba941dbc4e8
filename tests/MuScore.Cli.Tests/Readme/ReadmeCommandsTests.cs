using System.Text;
using MuScore.TestSupport.Server;

namespace MuScore.Cli.Tests.Readme;

/// <summary>
/// README.md's command blocks run as written, in order, in a fresh folder holding the repository's
/// samples/, against a real server on a free loopback port where a block needs one, and print
/// the stable parts (counts, classes, file names) their marker expects.
/// </summary>
public sealed class ReadmeCommandsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    private static IReadOnlyList<ReadmeBlock> Blocks { get; } = ReadmeBlock.Parse(File.ReadAllText(RepoFiles.Path("README.md")));

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Readme_EveryShBlock_IsMarkedToRunOrSaysWhyNot()
    {
        Assert.NotEmpty(Blocks);
        foreach (var block in Blocks)
        {
            Assert.True(
                block.Runs || !string.IsNullOrWhiteSpace(block.SkipReason),
                $"README.md line {block.Line}: a ```sh block needs <!-- readme-test: run[, server] (with expect: lines) --> or <!-- readme-test: skip: why --> above it");
        }

        Assert.Contains(Blocks, b => b.NeedsServer && b.Expected.Count > 0);
    }

    [Fact]
    public async Task Readme_RunnableBlocks_RunInOrderAndPrintTheirStableParts()
    {
        CopyDirectory(RepoFiles.Path("samples"), temp.File("samples"));
        await using var server = await ServerInstance.StartAsync();
        var shell = new ReadmeShell(temp.Path, RepoFiles.MuscoreDll(), server.Address, server.WebAddress);

        foreach (var block in Blocks.Where(b => b.Runs))
        {
            var (exitCode, output) = await shell.RunAsync(block);
            var report = $"README.md line {block.Line}, run as:\n{shell.Prepare(block)}\nexit code {exitCode}, output:\n{output}";
            Assert.True(exitCode == 0, report);
            var collapsed = ReadmeBlock.Collapse(output);
            foreach (var expected in block.Expected)
            {
                Assert.True(collapsed.Contains(expected, StringComparison.Ordinal), $"expected \"{expected}\"\n{report}");
            }
        }
    }

    [Fact]
    public void Readme_PublishOutputShown_HoldsWhatTheRealOutputIsCheckedFor()
    {
        // The text block right after the publish command shows its output: the run id, counts and
        // version that the block's expectations hold the real output to, so the two cannot drift.
        var lines = File.ReadAllLines(RepoFiles.Path("README.md"));
        var publish = Blocks.First(b => b.NeedsServer && b.Script.Contains("publish --server", StringComparison.Ordinal));
        var open = Array.FindIndex(lines, publish.Line, l => l.TrimEnd() == "```text");
        var close = Array.FindIndex(lines, open + 1, l => l.TrimEnd() == "```");
        Assert.True(open > 0 && close > open, $"README.md: no ```text block after the publish command of line {publish.Line}");
        var shown = ReadmeBlock.Collapse(string.Join('\n', lines[(open + 1)..close]));
        Assert.NotEmpty(publish.Expected);
        foreach (var expected in publish.Expected)
        {
            Assert.Contains(expected, shown, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/work/")]
    [InlineData("/tmp/")]
    [InlineData("../shared")]
    [InlineData("/home/")]
    [InlineData("/root/")]
    public void Docs_NameNoMachinePath(string path)
    {
        var offenders = new StringBuilder();
        foreach (var file in DocumentFiles())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains(path, StringComparison.Ordinal))
                {
                    offenders.Append(System.IO.Path.GetRelativePath(RepoFiles.Root, file)).Append(':').Append(i + 1).Append(": ").AppendLine(lines[i]);
                }
            }
        }

        Assert.True(offenders.Length == 0, $"machine paths in the docs:\n{offenders}");
    }

    [Fact]
    public void Docs_EveryLinkPointsToAFileInTheRepo()
    {
        var broken = new StringBuilder();
        foreach (var file in DocumentFiles().Where(f => f.EndsWith(".md", StringComparison.Ordinal)))
        {
            foreach (var target in MarkdownLinks.Targets(File.ReadAllText(file)))
            {
                var path = target.Split('#')[0];
                var resolved = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(file)!, path));
                var inside = resolved.StartsWith(RepoFiles.Root + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal);
                if (target.Contains("://", StringComparison.Ordinal) || (path.Length > 0 && (!inside || !(File.Exists(resolved) || Directory.Exists(resolved)))))
                {
                    broken.Append(System.IO.Path.GetRelativePath(RepoFiles.Root, file)).Append(": ").AppendLine(target);
                }
            }
        }

        Assert.True(broken.Length == 0, $"links that leave the repository or name no file in it:\n{broken}");
    }

    private static IEnumerable<string> DocumentFiles() =>
        new[] { RepoFiles.Path("README.md"), RepoFiles.Path("samples/README.md") }
            .Concat(Directory.EnumerateFiles(RepoFiles.Path("docs"), "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal)));

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }
    }
}

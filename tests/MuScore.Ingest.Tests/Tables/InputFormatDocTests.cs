using System.Runtime.CompilerServices;
using MuScore.Core.Records;

namespace MuScore.Ingest.Tests.Tables;

public class InputFormatDocTests
{
    [Fact]
    public void HeaderTable_EveryField_MatchesFieldCatalog()
    {
        var lines = File.ReadAllLines(DocPath());

        foreach (var info in FieldCatalog.All)
        {
            var line = Assert.Single(lines, l => l.StartsWith($"| {info.Name} |", StringComparison.Ordinal) && l.Count(c => c == '|') == 7);
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            Assert.Equal(
                [info.ChineseName, string.Join(", ", info.Aliases), info.Kind.ToString().ToLowerInvariant(), info.Required ? "yes" : "no"],
                cells[2..6]);
        }
    }

    /// <summary>Found from this source file (builds go to an artifacts folder outside the repository).</summary>
    private static string DocPath([CallerFilePath] string source = "")
    {
        for (var dir = new FileInfo(source).Directory; dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "docs", "input-format.md");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("docs/input-format.md not found above the test source.");
    }
}

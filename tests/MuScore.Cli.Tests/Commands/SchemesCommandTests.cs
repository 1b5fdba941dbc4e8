using MuScore.Core.Schemes;

namespace MuScore.Cli.Tests.Commands;

public sealed class SchemesCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Schemes_NoArguments_ListsEveryPresetWithVersionAndTitle()
    {
        var run = CliRun.Of("schemes").Expect(0);

        var lines = run.Out.TrimEnd('\n').Split('\n');
        Assert.StartsWith("id", lines[0], StringComparison.Ordinal);
        Assert.Equal(SchemePresets.Names.Count, lines.Length - 1);
        foreach (var name in new[] { "zj-standard", "linhai-2014", "huaian-2024" })
        {
            var scheme = SchemePresets.Get(name);
            Assert.Contains(lines, l => l.StartsWith(name, StringComparison.Ordinal) && l.Contains(scheme.Version, StringComparison.Ordinal) && l.EndsWith(scheme.Title, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void SchemesShow_Preset_PrintsItsCanonicalJson()
    {
        var run = CliRun.Of("schemes", "show", "linhai-2014").Expect(0);

        Assert.Equal(SchemeJson.ToCanonicalJson(SchemePresets.Get("linhai-2014")), run.Out);
    }

    [Fact]
    public void SchemesShow_File_PrintsTheSameCanonicalJsonWhateverTheLayout()
    {
        var file = temp.File("mine.json");
        var compact = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(SchemePresets.GetJson("huaian-2024")).RootElement);
        File.WriteAllText(file, compact);

        var run = CliRun.Of("schemes", "show", file).Expect(0);

        Assert.Equal(SchemeJson.ToCanonicalJson(SchemePresets.Get("huaian-2024")), run.Out);
    }

    [Fact]
    public void SchemesShow_InvalidFile_ExitsTwoListingEachErrorWithItsPath()
    {
        var file = temp.File("bad.json");
        var json = SchemePresets.GetJson("zj-standard");
        var first = json.IndexOf("\"factor\": 1", StringComparison.Ordinal);
        File.WriteAllText(file, json[..first] + "\"factor\": -1" + json[(first + "\"factor\": 1".Length)..]);

        var run = CliRun.Of("schemes", "show", file).Expect(2);

        Assert.Contains("pools[0].indicators[0].benchmark.factor: factor must be greater than 0", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void SchemesShow_UnknownName_ExitsTwoListingThePresets()
    {
        var run = CliRun.Of("schemes", "show", "nowhere").Expect(2);

        Assert.Contains("zj-standard", run.Error, StringComparison.Ordinal);
    }
}

using MuScore.Cli.Output;

namespace MuScore.Cli.Tests.Output;

public sealed class OutputFilesTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Dispose_WithoutCommit_LeavesNoFileBehind()
    {
        using (var files = new OutputFiles(temp.Path))
        {
            using var stream = files.Create("ratings.csv");
            stream.WriteByte(1);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Create_TemporaryFileAFailedRunLeft_IsReplaced()
    {
        File.WriteAllText(temp.File("ratings.csv.partial"), "left by a run that was killed");
        using var files = new OutputFiles(temp.Path);
        using (var stream = new StreamWriter(files.Create("ratings.csv")))
        {
            stream.Write("new");
        }

        files.Commit();

        Assert.Equal("new", File.ReadAllText(temp.File("ratings.csv")));
        Assert.Equal(["ratings.csv"], Directory.EnumerateFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Commit_ReplacesEarlierOutputsOnlyAtTheEnd()
    {
        File.WriteAllText(temp.File("ratings.csv"), "old");
        using var files = new OutputFiles(temp.Path);
        using (var stream = new StreamWriter(files.Create("ratings.csv")))
        {
            stream.Write("new");
        }

        Assert.Equal("old", File.ReadAllText(temp.File("ratings.csv")));
        files.Commit();

        Assert.Equal("new", File.ReadAllText(temp.File("ratings.csv")));
        Assert.Equal(["ratings.csv"], Directory.EnumerateFiles(temp.Path).Select(Path.GetFileName));
    }
}

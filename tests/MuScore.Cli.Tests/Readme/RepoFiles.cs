namespace MuScore.Cli.Tests.Readme;

/// <summary>The repository the tests were built from: its root is the folder holding MuScore.sln.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    /// <summary>
    /// The built command line with its runtime configuration: beside the tests when the build
    /// copied it there, otherwise in the CLI project's own output of the same configuration.
    /// </summary>
    public static string MuscoreDll()
    {
        var here = AppContext.BaseDirectory;
        if (File.Exists(System.IO.Path.Combine(here, "muscore.runtimeconfig.json")))
        {
            return System.IO.Path.Combine(here, "muscore.dll");
        }

        // .../tests/MuScore.Cli.Tests/bin/<Configuration>/<tfm>/
        var tfm = new DirectoryInfo(here).Name;
        var configuration = new DirectoryInfo(here).Parent!.Name;
        var dll = Path($"src/MuScore.Cli/bin/{configuration}/{tfm}/muscore.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("the built command line (muscore.dll) was not found", dll);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "MuScore.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no MuScore.sln above {AppContext.BaseDirectory}");
    }
}

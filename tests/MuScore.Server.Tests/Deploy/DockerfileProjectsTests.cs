using System.Xml.Linq;

namespace MuScore.Server.Tests.Deploy;

/// <summary>
/// The image builds from the projects the Dockerfile copies: every project the server references,
/// directly or not, must be copied both as its project file (the restore layer) and as its folder
/// (the build). Without this a new reference builds everywhere but in `docker build`, as happened
/// when the web console brought MuScore.Ingest and MuScore.Reports into the server.
/// </summary>
public sealed class DockerfileProjectsTests
{
    [Fact]
    public void Dockerfile_EveryProjectTheServerBuildsFrom_IsCopiedForRestoreAndBuild()
    {
        var copied = DeployFiles.Read("Dockerfile")
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("COPY ", StringComparison.Ordinal) && !line.Contains("--from", StringComparison.Ordinal))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1])
            .ToHashSet(StringComparer.Ordinal);

        var projects = ServerProjects();

        Assert.Contains("src/MuScore.Server/MuScore.Server.csproj", projects);
        Assert.True(projects.Count >= 4, $"the server builds from {projects.Count} projects");
        Assert.All(projects, project =>
        {
            Assert.Contains(project, copied);
            Assert.Contains(Path.GetDirectoryName(project)!.Replace('\\', '/') + "/", copied);
        });
    }

    /// <summary>The server's project and every project it references, transitively, relative to the repository root.</summary>
    private static SortedSet<string> ServerProjects()
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.Combine(DeployFiles.Root, "src", "MuScore.Server", "MuScore.Server.csproj")]);
        while (pending.TryPop(out var path))
        {
            var full = Path.GetFullPath(path);
            if (!found.Add(Path.GetRelativePath(DeployFiles.Root, full).Replace('\\', '/')))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(full).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                pending.Push(Path.Combine(Path.GetDirectoryName(full)!, include));
            }
        }

        return found;
    }
}

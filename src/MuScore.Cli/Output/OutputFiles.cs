namespace MuScore.Cli.Output;

/// <summary>
/// Output files written under temporary names and moved into place together at the end, so a
/// run that fails part-way leaves the previous outputs (or none), never half-written ones.
/// </summary>
internal sealed class OutputFiles : IDisposable
{
    private const string TemporarySuffix = ".partial";
    private readonly string directory;
    private readonly List<string> names = [];
    private bool committed;

    public OutputFiles(string directory)
    {
        this.directory = directory;
        Directory.CreateDirectory(directory);
    }

    /// <summary>The file names created so far, in creation order.</summary>
    public IReadOnlyList<string> Names => names;

    /// <summary>Creates the temporary file for <paramref name="name"/>; the caller disposes the stream before <see cref="Commit"/>.</summary>
    public FileStream Create(string name)
    {
        names.Add(name);
        return new FileStream(TemporaryPath(name), FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
    }

    /// <summary>Moves every temporary file to its final name, replacing older outputs.</summary>
    public void Commit()
    {
        foreach (var name in names)
        {
            File.Move(TemporaryPath(name), Path.Combine(directory, name), overwrite: true);
        }

        committed = true;
    }

    /// <summary>Deletes the temporary files of an uncommitted run.</summary>
    public void Dispose()
    {
        if (committed)
        {
            return;
        }

        foreach (var name in names)
        {
            File.Delete(TemporaryPath(name));
        }
    }

    private string TemporaryPath(string name) => Path.Combine(directory, name + TemporarySuffix);
}

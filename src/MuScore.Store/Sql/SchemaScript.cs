namespace MuScore.Store.Sql;

/// <summary>
/// A provider's schema as the steps that build it: <see cref="Steps"/>[i] takes a database from
/// version i to i + 1, so a new database and a migrated one run the same statements and end up
/// alike (docs/storage.md).
/// </summary>
/// <param name="VersionTable">Creates schema_version if missing (run first, always).</param>
/// <param name="Steps">The migrations, the first creating version 1 from nothing.</param>
internal sealed record SchemaScript(string VersionTable, IReadOnlyList<string> Steps)
{
    /// <summary>The version this build writes and reads: the number of steps.</summary>
    public int Version => Steps.Count;
}

namespace MuScore.Ingest;

/// <summary>Options for <see cref="RowLoader"/>'s loads.</summary>
public sealed class LoadOptions
{
    /// <summary>The defaults: read every row, collecting every problem.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>
    /// Stop at the first row with problems (default false). The result then holds the rows up to
    /// and including that row and names it in <see cref="LoadResult.StoppedAt"/>; nothing is thrown.
    /// Only problems of a single row count: duplicate credit codes are found later by the engine.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>Rows between two progress reports; default 65,536, at least 1.</summary>
    public int ProgressInterval { get; init; } = 65_536;
}

/// <summary>Where a load is.</summary>
/// <param name="Rows">Rows read so far (blank rows included).</param>
/// <param name="Position">Bytes read so far; see <see cref="InputTable.Position"/>.</param>
/// <param name="Length">Total bytes, or -1 when unknown.</param>
public readonly record struct LoadProgress(int Rows, long Position, long Length)
{
    /// <summary>Percentage done (0–100), or null when the length is unknown.</summary>
    public double? Percent => Length > 0 ? Math.Min(100.0, 100.0 * Position / Length) : null;
}

using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>Every row of a table, validated, with the table's content hash.</summary>
public sealed class LoadResult
{
    /// <summary>Every data row in file order (blank rows inside the data included, as INVALID).</summary>
    public required IReadOnlyList<ParsedRow> Rows { get; init; }

    /// <summary>
    /// The <see cref="MuScore.Core.Hashing.InputHasher"/> hash of every row; empty when a strict
    /// load stopped early, because a hash of part of the input identifies nothing.
    /// </summary>
    public required string InputHash { get; init; }

    /// <summary>Rows with at least one problem.</summary>
    public required int InvalidCount { get; init; }

    /// <summary>The row a strict load stopped at (its Problems say why); null when every row was read.</summary>
    public ParsedRow? StoppedAt { get; init; }

    /// <summary>Whether every row of the table was read.</summary>
    public bool Complete => StoppedAt is null;
}

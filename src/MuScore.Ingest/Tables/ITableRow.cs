using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>
/// One data row of an <see cref="InputTable"/>. Besides the cells it carries the problems of the
/// row's shape that only the reader can see (non-blank cells to the right of the last header
/// column); <see cref="RowLoader"/> adds them to the row's validation problems, so such a row is
/// INVALID. The instance is reused: it is valid until the enumerator moves on.
/// </summary>
public interface ITableRow : IRawRow
{
    /// <summary>Problems of the row's shape; empty for almost every row.</summary>
    IReadOnlyList<FieldProblem> TableProblems { get; }
}

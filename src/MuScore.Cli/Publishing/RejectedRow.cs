namespace MuScore.Cli.Publishing;

/// <summary>One problem of a rejected row, as printed: field (empty for the whole row), rule code, sentence.</summary>
internal readonly record struct RowViolation(string Field, string Rule, string Description);

/// <summary>
/// A row that was not rated: rejected by the server (it has a <see cref="RecordNumber"/>, its
/// position in the upload) or kept back by the client because the wire cannot carry it (null).
/// </summary>
internal sealed record RejectedRow(int RowNumber, int? RecordNumber, string CreditCode, IReadOnlyList<RowViolation> Violations);

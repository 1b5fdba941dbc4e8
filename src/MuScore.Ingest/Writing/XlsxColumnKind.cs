namespace MuScore.Ingest;

/// <summary>
/// What a report column holds: how an <see cref="XlsxTableWriter"/> stores its cells, and which
/// cells a <see cref="CsvTableWriter"/> guards against formulas (text ones, <see cref="FormulaGuard"/>).
/// </summary>
public enum XlsxColumnKind
{
    /// <summary>Inline strings, exactly as given.</summary>
    Text,

    /// <summary>
    /// Numbers (so Excel sums and sorts them). A cell that is not a plain invariant number such as
    /// -12.5 or 1E-3 is stored as text instead, so nothing is lost.
    /// </summary>
    Number,
}

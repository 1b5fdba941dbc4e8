namespace MuScore.Ingest;

/// <summary>How an <see cref="XlsxTableWriter"/> column stores its cells.</summary>
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

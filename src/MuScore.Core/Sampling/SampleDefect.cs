namespace MuScore.Core.Sampling;

/// <summary>The kinds of bad row the generator mixes in: one for each invalid-input rule of docs/method.md §10.</summary>
public enum SampleDefect
{
    /// <summary>The credit code's check character is wrong.</summary>
    BadCheckCharacter,

    /// <summary>A required field (tax) is blank.</summary>
    MissingRequired,

    /// <summary>Tax is negative.</summary>
    NegativeTax,

    /// <summary>Revenue is written with thousands separators ("1,234.5").</summary>
    ThousandsSeparator,

    /// <summary>in_construction is a word that is not a boolean.</summary>
    UnknownBoolean,

    /// <summary>production_start is a date that does not exist.</summary>
    ImpossibleDate,

    /// <summary>scale is not ABOVE/BELOW in any accepted spelling.</summary>
    UnknownScale,

    /// <summary>Evaluated land (own + leased in − leased out) is exactly 0.</summary>
    LandNotPositive,

    /// <summary>Every cell is blank (never the last row: readers drop trailing blank lines, so MissingRequired stands in).</summary>
    BlankLine,

    /// <summary>
    /// The row repeats the credit code, name and region of the nearest earlier good row (making both
    /// INVALID); BadCheckCharacter stands in when no earlier row is good.
    /// </summary>
    DuplicateCreditCode,
}

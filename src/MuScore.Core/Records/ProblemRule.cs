namespace MuScore.Core.Records;

/// <summary>The rule a rejected value broke; the wire and file name is <see cref="ProblemRules.Code"/>.</summary>
public enum ProblemRule
{
    /// <summary>Every cell of the row is blank.</summary>
    BlankRow,

    /// <summary>A required field is blank.</summary>
    Required,

    /// <summary>The credit code is not 18 characters of the GB 32100-2015 alphabet.</summary>
    CreditCodeFormat,

    /// <summary>The credit code's 18th character is not its check character.</summary>
    CreditCodeCheck,

    /// <summary>The region is not 6 digits.</summary>
    RegionFormat,

    /// <summary>The industry is not a GB/T 4754 code (optional section letter, 2 to 4 digits).</summary>
    IndustryFormat,

    /// <summary>The scale is none of the accepted words.</summary>
    ScaleUnknown,

    /// <summary>The text is not a plain number (thousands separators and units are rejected).</summary>
    NumberFormat,

    /// <summary>The number is negative where only value added may be.</summary>
    Negative,

    /// <summary>The number's magnitude exceeds the field's plausible range.</summary>
    OutOfRange,

    /// <summary>The boolean is none of the accepted words.</summary>
    BooleanUnknown,

    /// <summary>The date has an unaccepted form or does not exist.</summary>
    DateInvalid,

    /// <summary>Evaluated land (own + leased in − leased out) is not above zero.</summary>
    LandNotPositive,

    /// <summary>Another row of the same region carries the same credit code.</summary>
    DuplicateCreditCode,

    /// <summary>The row has non-blank cells right of the last header column (usually an unquoted comma).</summary>
    ExtraCells,
}

/// <summary>Stable snake_case codes of <see cref="ProblemRule"/>, used in files and on the wire.</summary>
public static class ProblemRules
{
    private static readonly string[] Codes =
    [
        "blank_row", "required", "credit_code_format", "credit_code_check", "region_format",
        "industry_format", "scale_unknown", "number_format", "negative", "out_of_range",
        "boolean_unknown", "date_invalid", "land_not_positive", "duplicate_credit_code", "extra_cells",
    ];

    /// <summary>The stable code of a rule.</summary>
    public static string Code(this ProblemRule rule) => Codes[(int)rule];
}

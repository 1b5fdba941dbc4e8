using System.Globalization;
using MuScore.Core.Records;
using MuScore.Server.Errors;

namespace MuScore.Server.Validation;

/// <summary>
/// The checks shared by every request: credit codes, regions, years. Rule codes are stable and
/// reuse the record rules' codes where the rule is the same (<see cref="ProblemRules"/>).
/// </summary>
internal static class FieldRules
{
    /// <summary>Earliest evaluated year accepted (the evaluations began in the 2000s; 1990 leaves room for back-filled data).</summary>
    public const int MinYear = 1990;

    /// <summary>Latest evaluated year accepted.</summary>
    public const int MaxYear = 2100;

    public const string Required = "required";
    public const string YearRange = "year_range";
    public const string TooMany = "too_many";
    public const string Unknown = "unknown";
    public const string Format = "format";
    public const string TooLong = "too_long";

    /// <summary>A required credit code: 18 characters of the GB 32100-2015 alphabet with the right check character.</summary>
    public static void CreditCode(Violations violations, string field, string value)
    {
        if (value.Length == 0)
        {
            violations.Add(field, Required, "a credit code is required");
            return;
        }

        switch (Core.Records.CreditCode.Validate(value))
        {
            case ProblemRule.CreditCodeFormat:
                violations.Add(field, ProblemRule.CreditCodeFormat.Code(), $"'{EchoText.Bound(value)}' is not 18 characters of digits and upper-case letters other than I, O, S, V, Z");
                break;
            case ProblemRule.CreditCodeCheck:
                violations.Add(field, ProblemRule.CreditCodeCheck.Code(), $"'{EchoText.Bound(value)}' fails the GB 32100-2015 check character (expected '{Core.Records.CreditCode.CheckCharacter(value.AsSpan(0, 17))}')");
                break;
        }
    }

    /// <summary>A required six-digit region code.</summary>
    public static void Region(Violations violations, string field, string value)
    {
        if (value.Length == 0)
        {
            violations.Add(field, Required, "a six-digit region code is required");
        }
        else if (!CellParsers.IsRegion(value))
        {
            violations.Add(field, ProblemRule.RegionFormat.Code(), $"'{EchoText.Bound(value)}' is not a six-digit region code");
        }
    }

    /// <summary>An evaluated year within <see cref="MinYear"/>..<see cref="MaxYear"/>.</summary>
    public static void Year(Violations violations, string field, int value)
    {
        if (value is < MinYear or > MaxYear)
        {
            violations.Add(field, YearRange, string.Create(CultureInfo.InvariantCulture, $"year {value} is outside {MinYear}..{MaxYear}"));
        }
    }

    /// <summary>A required run id (the content hash SubmitRun returned).</summary>
    public static void RunId(Violations violations, string field, string value)
    {
        if (value.Length == 0)
        {
            violations.Add(field, Required, "a run id is required");
        }
        else if (value.Length > 128)
        {
            violations.Add(field, Format, "a run id has at most 128 characters");
        }
    }
}

using System.Globalization;
using MuScore.Core.Policies;
using MuScore.Server.Errors;
using MuScore.Server.Validation;

namespace MuScore.Server.Policies;

/// <summary>
/// Reading the wire's text fields (dates, decimal text) into core values, recording a field
/// violation for each that does not parse; and the core's <see cref="InputProblem"/>s as violations.
/// </summary>
internal static class WireFields
{
    /// <summary>The rule code of a core request check (range, consistency) that failed.</summary>
    public const string InvalidValue = "invalid_value";

    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>A required "YYYY-MM-DD" date; default when missing or malformed (a violation is recorded).</summary>
    public static DateOnly Date(Violations violations, string field, string text)
    {
        if (text.Length == 0)
        {
            violations.Add(field, FieldRules.Required, "a date (YYYY-MM-DD) is required");
            return default;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            violations.Add(field, FieldRules.Format, $"'{EchoText.Bound(text)}' is not a date in the form YYYY-MM-DD");
            return default;
        }

        if (date.Year is < FieldRules.MinYear or > FieldRules.MaxYear)
        {
            violations.Add(field, FieldRules.YearRange, string.Create(CultureInfo.InvariantCulture, $"'{EchoText.Bound(text)}' is outside the years {FieldRules.MinYear}..{FieldRules.MaxYear}"));
        }

        return date;
    }

    /// <summary>An optional date; null when absent or malformed.</summary>
    public static DateOnly? OptionalDate(Violations violations, string field, bool present, string text) =>
        present ? Date(violations, field, text) : null;

    /// <summary>Required decimal text; 0 when missing or malformed (a violation is recorded).</summary>
    public static decimal Decimal(Violations violations, string field, string text)
    {
        if (text.Length == 0)
        {
            violations.Add(field, FieldRules.Required, "a decimal number is required");
            return 0m;
        }

        if (!decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out var value))
        {
            violations.Add(field, FieldRules.Format, $"'{EchoText.Bound(text)}' is not a decimal number (digits, optional sign and '.')");
            return 0m;
        }

        return value;
    }

    /// <summary>Optional decimal text; null when absent.</summary>
    public static decimal? OptionalDecimal(Violations violations, string field, bool present, string text) =>
        present ? Decimal(violations, field, text) : null;

    /// <summary>Records the core's problems as violations, their fields under <paramref name="prefix"/> (e.g. "items[3].").</summary>
    public static void Add(Violations violations, IReadOnlyList<InputProblem> problems, string prefix = "")
    {
        foreach (var problem in problems)
        {
            violations.Add(prefix + problem.Field, InvalidValue, problem.Message);
        }
    }
}

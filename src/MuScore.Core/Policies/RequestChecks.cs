using System.Globalization;
using MuScore.Core.Records;

namespace MuScore.Core.Policies;

/// <summary>Field checks shared by the request validators.</summary>
internal static class RequestChecks
{
    /// <summary>The largest quantity or amount accepted (as for input records): keeps decimal arithmetic far from overflow.</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000m;

    public static void CreditCodeField(List<InputProblem> problems, string field, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            problems.Add(new(field, $"{field} is required"));
        }
        else if (CreditCode.Validate(code) is { } rule)
        {
            var why = rule == ProblemRule.CreditCodeCheck ? "its check character is wrong" : "it is not 18 characters of the GB 32100-2015 alphabet";
            problems.Add(new(field, $"{field} '{EchoedValue.Bound(code)}' is not a valid credit code: {why}"));
        }
    }

    public static void RegionField(List<InputProblem> problems, string field, string? region)
    {
        if (!IsRegion(region))
        {
            problems.Add(new(field, $"{field} '{EchoedValue.Bound(region)}' must be a 6-digit region code"));
        }
    }

    public static bool IsRegion(string? region) => region is { Length: 6 } && region.All(char.IsAsciiDigit);

    /// <summary>A number that must be ≥ 0 (or &gt; 0 when <paramref name="positive"/>) and at most <see cref="MaxMagnitude"/>.</summary>
    public static void Amount(List<InputProblem> problems, string field, decimal? value, bool positive = false)
    {
        if (value is not { } number)
        {
            return;
        }

        if (positive ? number <= 0m : number < 0m)
        {
            problems.Add(new(field, $"{field} must be {(positive ? "greater than 0" : "0 or more")} (is {Money.Text(number)})"));
        }
        else if (number > MaxMagnitude)
        {
            problems.Add(new(field, $"{field} must be at most 10^12 (is {Money.Text(number)})"));
        }
    }

    public static string Item(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");
}

using System.Globalization;
using MuScore.Contracts.V1;
using MuScore.Server.Errors;

namespace MuScore.Server.Validation;

/// <summary>Validation of the RatingService requests; each method throws INVALID_ARGUMENT listing every violation.</summary>
internal static class RatingRequests
{
    public static void Validate(GetRatingRequest request)
    {
        var violations = new Violations();
        FieldRules.CreditCode(violations, "credit_code", request.CreditCode);
        FieldRules.Region(violations, "region", request.Region);
        if (request.HasYear)
        {
            FieldRules.Year(violations, "year", request.Year);
        }

        violations.ThrowIfAny();
    }

    public static void Validate(BatchGetRatingsRequest request, int maxCodes)
    {
        var violations = new Violations();
        FieldRules.Region(violations, "region", request.Region);
        if (request.HasYear)
        {
            FieldRules.Year(violations, "year", request.Year);
        }

        var codes = request.CreditCodes;
        if (codes.Count == 0)
        {
            violations.Add("credit_codes", FieldRules.Required, "at least one credit code is required");
        }
        else if (codes.Count > maxCodes)
        {
            violations.Add("credit_codes", FieldRules.TooMany, string.Create(CultureInfo.InvariantCulture, $"{codes.Count} credit codes exceed the limit of {maxCodes} per call"));
        }
        else
        {
            for (var i = 0; i < codes.Count; i++)
            {
                FieldRules.CreditCode(violations, string.Create(CultureInfo.InvariantCulture, $"credit_codes[{i}]"), codes[i]);
            }
        }

        violations.ThrowIfAny();
    }

    public static void Validate(ListRatingsRequest request)
    {
        var violations = new Violations();
        FieldRules.Region(violations, "region", request.Region);
        if (request.Year == 0)
        {
            violations.Add("year", FieldRules.Required, "a year is required");
        }
        else
        {
            FieldRules.Year(violations, "year", request.Year);
        }

        for (var i = 0; i < request.Pools.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(request.Pools[i]))
            {
                violations.Add(Indexed("pools", i), FieldRules.Required, "a pool filter must not be blank");
            }
        }

        for (var i = 0; i < request.Classes.Count; i++)
        {
            if (request.Classes[i] is not (RatingClass.A or RatingClass.B or RatingClass.C or RatingClass.D))
            {
                violations.Add(Indexed("classes", i), FieldRules.Unknown, "a class filter must be A, B, C or D");
            }
        }

        for (var i = 0; i < request.Industries.Count; i++)
        {
            if (!IsIndustryPrefix(request.Industries[i]))
            {
                violations.Add(Indexed("industries", i), FieldRules.Format, $"'{EchoText.Bound(request.Industries[i])}' is not a GB/T 4754 code prefix such as C36 or 36");
            }
        }

        violations.ThrowIfAny();
    }

    /// <summary>An optional upper-case section letter, then one to four digits.</summary>
    private static bool IsIndustryPrefix(string text)
    {
        var digits = text.Length > 0 && char.IsAsciiLetterUpper(text[0]) ? text.AsSpan(1) : text.AsSpan();
        return digits.Length is >= 1 and <= 4 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static string Indexed(string field, int index) => string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]");
}

using MuScore.Core.Policies;
using MuScore.Core.Rating;
using static MuScore.Core.Tests.Policies.PolicyTestData;

namespace MuScore.Core.Tests.Policies;

/// <summary>An applicant, its ratings and the Linhai subsidy rules in force on the application date.</summary>
internal static class SubsidyTestData
{
    public static readonly DateOnly Applied = new(2023, 5, 1);
    public static readonly string Applicant = Code(77);
    public static readonly SubsidyRules Rules = Presets.SubsidyRulesInForce(Linhai, Applied);

    /// <summary>The applicant's 2022 rating (the previous year's evaluation, in force on the date); null for none.</summary>
    public static RatingFact? ApplicantRating(RatingClass? rating, int year = 2022) => rating is { } c ? Rated(Applicant, Linhai, year, c) : null;

    public static decimal Number(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static decimal? NumberOrNull(string? text) => text is null ? null : Number(text);

    public static RuleResult Rule(SubsidyAssessment assessment, string id) => Assert.Single(assessment.Rules, r => r.RuleId == id);
}

using MuScore.Core.Records;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Records;

/// <summary>Row validation (docs/method.md §10): required fields, blanks, negatives, number forms, land, and every problem listed.</summary>
public sealed class RecordParserTests
{
    private static ParsedRow Parse(RawRow row) => new RecordParser().Parse(row);

    [Fact]
    public void Parse_CompleteRow_GivesTheRecord()
    {
        var parsed = Parse(RawRow.Valid(7));

        Assert.Empty(parsed.Problems);
        var r = Assert.IsType<EnterpriseRecord>(parsed.Record);
        Assert.Equal(7, parsed.RowNumber);
        Assert.Equal("91350100M000100Y43", r.CreditCode);
        Assert.Equal("331082", r.Region);
        Assert.Equal(36, r.Division);
        Assert.Equal(Scale.Above, r.Scale);
        Assert.Equal(12m, r.LandMu);
        Assert.Equal(240.5m, r.Tax);
        Assert.Equal(0.9m, r.Nox);
        Assert.False(r.InConstruction);
        Assert.Equal(new DateOnly(2015, 6, 1), r.ProductionStart);
        Assert.Equal(2m, r.BonusPoints);
        Assert.Equal(1m, r.PenaltyPoints);
    }

    [Theory]
    [InlineData(Field.CreditCode)]
    [InlineData(Field.Region)]
    [InlineData(Field.Industry)]
    [InlineData(Field.Scale)]
    [InlineData(Field.Tax)]
    public void Parse_RequiredFieldBlank_Invalid(Field field)
    {
        var parsed = Parse(RawRow.Valid().With(field, "  "));

        Assert.Null(parsed.Record);
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Equal(ProblemRule.Required, problem.Rule);
    }

    [Fact]
    public void Parse_NameBlank_Valid()
    {
        var parsed = Parse(RawRow.Valid().Without(Field.Name));
        Assert.NotNull(parsed.Record);
        Assert.Null(parsed.Record.Name);
    }

    [Fact]
    public void Parse_OptionalFieldsBlank_DefaultsOfDomain10()
    {
        var row = RawRow.Valid();
        foreach (var field in new[]
        {
            Field.LandLeasedInMu, Field.LandLeasedOutMu, Field.ValueAdded, Field.Revenue, Field.EnergyTce,
            Field.Electricity, Field.Water, Field.Cod, Field.Nh3n, Field.So2, Field.Nox, Field.Employees, Field.Rd,
            Field.FixedAssetInvestment, Field.InConstruction, Field.ProductionStart, Field.MajorIncident,
            Field.FailsStandards, Field.BonusPoints, Field.PenaltyPoints,
        })
        {
            row.With(field, string.Empty);
        }

        var r = Assert.IsType<EnterpriseRecord>(Parse(row).Record);

        // Blank land parts are 0, blank booleans false, blank points 0, blank start "established";
        // every other blank number is "not reported".
        Assert.Equal(10m, r.LandMu);
        Assert.Equal(0m, r.LandLeasedInMu);
        Assert.False(r.InConstruction || r.MajorIncident || r.FailsStandards);
        Assert.Equal(0m, r.BonusPoints);
        Assert.Equal(0m, r.PenaltyPoints);
        Assert.Null(r.ProductionStart);
        Assert.All(new[] { r.ValueAdded, r.Revenue, r.EnergyTce, r.Electricity, r.Water, r.Cod, r.Nh3n, r.So2, r.Nox, r.Employees, r.Rd, r.FixedAssetInvestment }, Assert.Null);
    }

    [Fact]
    public void Parse_CreditCodeWithSpaces_TrimmedNotUpperCased()
    {
        Assert.Equal("91350100M000100Y43", Parse(RawRow.Valid().With(Field.CreditCode, "  91350100M000100Y43 ")).Record!.CreditCode);

        var lower = Parse(RawRow.Valid().With(Field.CreditCode, "91350100m000100y43"));
        Assert.Equal(ProblemRule.CreditCodeFormat, Assert.Single(lower.Problems).Rule);
        Assert.Equal("91350100m000100y43", lower.CreditCodeText);
    }

    [Theory]
    [InlineData("33108")]
    [InlineData("3310820")]
    [InlineData("33108A")]
    public void Parse_RegionNotSixDigits_Invalid(string region) =>
        Assert.Equal(ProblemRule.RegionFormat, Assert.Single(Parse(RawRow.Valid().With(Field.Region, region)).Problems).Rule);

    [Theory]
    [InlineData("C3670", 36)]
    [InlineData("3670", 36)]
    [InlineData("D44", 44)]
    [InlineData("461", 46)]
    public void Parse_IndustryCode_GivesTheDivision(string industry, int division) =>
        Assert.Equal(division, Parse(RawRow.Valid().With(Field.Industry, industry)).Record!.Division);

    [Theory]
    [InlineData("C")]
    [InlineData("C36701")]
    [InlineData("制造业")]
    public void Parse_IndustryNotACode_Invalid(string industry) =>
        Assert.Equal(ProblemRule.IndustryFormat, Assert.Single(Parse(RawRow.Valid().With(Field.Industry, industry)).Problems).Rule);

    [Fact]
    public void Parse_SeveralProblems_ListsEveryOne()
    {
        var row = RawRow.Valid(12)
            .With(Field.CreditCode, "91350100M000100Y44")
            .With(Field.Region, "")
            .With(Field.Scale, "medium")
            .With(Field.Tax, "-5")
            .With(Field.EnergyTce, "1,000")
            .With(Field.InConstruction, "maybe")
            .With(Field.ProductionStart, "2025-02-30");
        var parsed = Parse(row);

        Assert.Null(parsed.Record);
        Assert.Equal(12, parsed.RowNumber);
        Assert.Equal(
            [
                (Field.CreditCode, ProblemRule.CreditCodeCheck), (Field.Region, ProblemRule.Required),
                (Field.Scale, ProblemRule.ScaleUnknown), (Field.Tax, ProblemRule.Negative),
                (Field.EnergyTce, ProblemRule.NumberFormat), (Field.InConstruction, ProblemRule.BooleanUnknown),
                (Field.ProductionStart, ProblemRule.DateInvalid),
            ],
            parsed.Problems.Select(p => (Field: p.Field!.Value, p.Rule)).OrderBy(p => p.Field));
        Assert.All(parsed.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void Parse_BlankRow_InvalidNotSkipped()
    {
        var parsed = Parse(new RawRow(5).With(Field.Name, " "));

        Assert.Null(parsed.Record);
        Assert.Equal(5, parsed.RowNumber);
        Assert.Equal(ProblemRule.BlankRow, Assert.Single(parsed.Problems).Rule);
    }
}

using MuScore.Core.Records;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Records;

/// <summary>Accepted booleans, scales and dates (docs/method.md §10); anything else makes the row INVALID.</summary>
public sealed class CellFormTests
{
    private static ParsedRow Parse(RawRow row) => new RecordParser().Parse(row);

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("yes", true)]
    [InlineData("Y", true)]
    [InlineData("是", true)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("No", false)]
    [InlineData("n", false)]
    [InlineData("否", false)]
    [InlineData("", false)]
    public void Parse_AcceptedBoolean_Read(string text, bool expected)
    {
        var r = Parse(RawRow.Valid().With(Field.MajorIncident, text).With(Field.InConstruction, text).With(Field.FailsStandards, text)).Record!;
        Assert.Equal((expected, expected, expected), (r.MajorIncident, r.InConstruction, r.FailsStandards));
    }

    [Theory]
    [InlineData("t")]
    [InlineData("2")]
    [InlineData("有")]
    [InlineData("√")]
    [InlineData("ok")]
    public void Parse_UnknownBoolean_Invalid(string text)
    {
        var problem = Assert.Single(Parse(RawRow.Valid().With(Field.MajorIncident, text)).Problems);
        Assert.Equal((Field.MajorIncident, ProblemRule.BooleanUnknown), (problem.Field!.Value, problem.Rule));
    }

    [Theory]
    [InlineData("ABOVE", Scale.Above)]
    [InlineData("above", Scale.Above)]
    [InlineData("规上", Scale.Above)]
    [InlineData("规模以上", Scale.Above)]
    [InlineData("BELOW", Scale.Below)]
    [InlineData("规下", Scale.Below)]
    [InlineData("规模以下", Scale.Below)]
    public void Parse_AcceptedScale_Read(string text, Scale expected) =>
        Assert.Equal(expected, Parse(RawRow.Valid().With(Field.Scale, text)).Record!.Scale);

    [Theory]
    [InlineData("大型")]
    [InlineData("A")]
    [InlineData("规模")]
    public void Parse_UnknownScale_Invalid(string text) =>
        Assert.Equal(ProblemRule.ScaleUnknown, Assert.Single(Parse(RawRow.Valid().With(Field.Scale, text)).Problems).Rule);

    [Theory]
    [InlineData("2025-01-31")]
    [InlineData("2025/01/31")]
    [InlineData("2025.01.31")]
    [InlineData("20250131")]
    public void Parse_AcceptedDateForms_SameDate(string text) =>
        Assert.Equal(new DateOnly(2025, 1, 31), Parse(RawRow.Valid().With(Field.ProductionStart, text)).Record!.ProductionStart);

    [Fact]
    public void Parse_LeapDay_AcceptedInLeapYearOnly()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), Parse(RawRow.Valid().With(Field.ProductionStart, "2024-02-29")).Record!.ProductionStart);
        Assert.Null(Parse(RawRow.Valid().With(Field.ProductionStart, "2025-02-29")).Record);
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("2025-13-01")]
    [InlineData("2025-00-10")]
    [InlineData("2025/04/31")]
    [InlineData("20250230")]
    [InlineData("20251301")]
    [InlineData("2025-01-31T00:00")]
    [InlineData("31/01/2025")]
    [InlineData("2025年1月31日")]
    [InlineData("2025-01/31")]
    [InlineData("0000-01-01")]
    public void Parse_ImpossibleOrUnacceptedDate_Invalid(string text)
    {
        var problem = Assert.Single(Parse(RawRow.Valid().With(Field.ProductionStart, text)).Problems);
        Assert.Equal((Field.ProductionStart, ProblemRule.DateInvalid), (problem.Field!.Value, problem.Rule));
    }
}

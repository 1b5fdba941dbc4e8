using MuScore.Core.Records;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Records;

/// <summary>
/// Numbers and land (docs/method.md §10): plain numbers only (no thousands separators or units), no
/// negatives except value_added, and evaluated land own + leased_in − leased_out, exact in decimal, above 0.
/// </summary>
public sealed class NumberAndLandTests
{
    private static ParsedRow Parse(RawRow row) => new RecordParser().Parse(row);

    [Fact]
    public void Parse_AllLandBlank_LandIsZeroAndInvalid()
    {
        var row = RawRow.Valid().With(Field.LandOwnMu, "").With(Field.LandLeasedInMu, "").With(Field.LandLeasedOutMu, "");
        var problem = Assert.Single(Parse(row).Problems);
        Assert.Equal(ProblemRule.LandNotPositive, problem.Rule);
    }

    [Theory]
    [InlineData("0.1", "0.2", "0.3")]
    [InlineData("5", "0", "5")]
    [InlineData("1", "0", "2")]
    public void Parse_EvaluatedLandNotAboveZero_Invalid(string own, string leasedIn, string leasedOut)
    {
        var row = RawRow.Valid().With(Field.LandOwnMu, own).With(Field.LandLeasedInMu, leasedIn).With(Field.LandLeasedOutMu, leasedOut);
        var parsed = Parse(row);

        Assert.Null(parsed.Record);
        Assert.Equal(ProblemRule.LandNotPositive, Assert.Single(parsed.Problems).Rule);
    }

    [Fact]
    public void Parse_LandArithmetic_IsExactDecimal()
    {
        var row = RawRow.Valid().With(Field.LandOwnMu, "2.25").With(Field.LandLeasedInMu, "0.97").With(Field.LandLeasedOutMu, "0.22");
        Assert.Equal(3m, Parse(row).Record!.LandMu);
    }

    [Theory]
    [InlineData(Field.Tax)]
    [InlineData(Field.LandOwnMu)]
    [InlineData(Field.LandLeasedInMu)]
    [InlineData(Field.LandLeasedOutMu)]
    [InlineData(Field.Revenue)]
    [InlineData(Field.EnergyTce)]
    [InlineData(Field.Employees)]
    [InlineData(Field.Rd)]
    [InlineData(Field.Cod)]
    [InlineData(Field.FixedAssetInvestment)]
    [InlineData(Field.BonusPoints)]
    [InlineData(Field.PenaltyPoints)]
    public void Parse_NegativeNumber_Invalid(Field field)
    {
        var parsed = Parse(RawRow.Valid().With(field, "-1"));

        Assert.Null(parsed.Record);
        Assert.Contains(parsed.Problems, p => p.Field == field && p.Rule == ProblemRule.Negative);
    }

    [Fact]
    public void Parse_NegativeValueAdded_Valid()
    {
        var parsed = Parse(RawRow.Valid().With(Field.ValueAdded, "-350.5"));
        Assert.Equal(-350.5m, parsed.Record!.ValueAdded);
    }

    [Theory]
    [InlineData("1,234")]
    [InlineData("1，234")]
    [InlineData("12万")]
    [InlineData("12 万元")]
    [InlineData("12t")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    [InlineData("¥100")]
    public void Parse_NumberWithSeparatorsOrUnits_Invalid(string text)
    {
        var parsed = Parse(RawRow.Valid().With(Field.Tax, text));

        Assert.Null(parsed.Record);
        var problem = Assert.Single(parsed.Problems);
        Assert.Equal((Field.Tax, ProblemRule.NumberFormat), (problem.Field!.Value, problem.Rule));
        Assert.Contains(text, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" 240.5 ", 240.5)]
    [InlineData("1234.5678", 1234.5678)]
    [InlineData("0", 0)]
    public void Parse_PlainNumbers_Accepted(string text, double expected) =>
        Assert.Equal((decimal)expected, Parse(RawRow.Valid().With(Field.Tax, text)).Record!.Tax);
}

using MuScore.Core.Records;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Records;

/// <summary>
/// A valid parsed row keeps only its record (its texts are the record's strings); every other
/// row keeps its own texts. Either way the public values, equality and <c>with</c> copies behave
/// as for a row with every property stored.
/// </summary>
public sealed class ParsedRowFormTests
{
    private static readonly EnterpriseRecord Record = EnterpriseBuilder.Create(3).Build();

    [Fact]
    public void Valid_TextsAreTheRecordsAndBothChecksPass()
    {
        var row = ParsedRow.Valid(4, Record);

        Assert.Equal((4, Record.CreditCode, Record.Name, Record.Region, true, true), (row.RowNumber, row.CreditCodeText, row.Name, row.RegionText, row.CreditCodeValid, row.RegionValid));
        Assert.Same(Record, row.Record);
        Assert.Empty(row.Problems);
    }

    [Fact]
    public void Equals_ValidAndTheSameRowSetPropertyByProperty_AreEqual()
    {
        var built = new ParsedRow
        {
            RowNumber = 4,
            CreditCodeText = Record.CreditCode,
            Name = Record.Name,
            RegionText = Record.Region,
            CreditCodeValid = true,
            RegionValid = true,
            Record = Record,
        };

        Assert.Equal(ParsedRow.Valid(4, Record), built);
        Assert.Equal(ParsedRow.Valid(4, Record).GetHashCode(), built.GetHashCode());
        Assert.NotEqual(ParsedRow.Valid(4, Record), built with { RegionValid = false });
    }

    [Fact]
    public void With_ChangingATextOrTheRecord_LeavesTheOriginalAlone()
    {
        var original = ParsedRow.Valid(4, Record);
        var problem = new FieldProblem(Field.Tax, ProblemRule.Negative, "tax '-1' is negative; only value_added may be");

        var renamed = original with { Name = "甲" };
        var invalid = original with { Record = null, Problems = [problem] };

        Assert.Equal((Record.Name, "甲"), (original.Name, renamed.Name));
        Assert.Same(Record, renamed.Record);
        Assert.Equal(Record.CreditCode, invalid.CreditCodeText);
        Assert.Null(invalid.Record);
        Assert.Equal([problem], invalid.Problems);
        Assert.Same(Record, original.Record);
        Assert.Empty(original.Problems);
    }

    [Fact]
    public void RecordOnly_TextsStayUnset()
    {
        var row = new ParsedRow { RowNumber = 2, Record = Record };

        Assert.Null(row.CreditCodeText);
        Assert.False(row.CreditCodeValid);
        Assert.Same(Record, row.Record);
    }

    [Fact]
    public void Parse_InvalidRow_KeepsItsTextsAndChecks()
    {
        var parsed = new RecordParser().Parse(RawRow.Valid(7).With(Field.Tax, "-1"));

        Assert.Null(parsed.Record);
        Assert.True(parsed.CreditCodeValid);
        Assert.True(parsed.RegionValid);
        Assert.Equal("91350100M000100Y43", parsed.CreditCodeText);
        Assert.Equal(ProblemRule.Negative, Assert.Single(parsed.Problems).Rule);
    }
}

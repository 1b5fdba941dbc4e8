using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Rating;

/// <summary>
/// Duplicates are found on packed codes (<see cref="CodeKey"/>): equal keys must mean equal codes,
/// and a code that cannot be packed is still compared, as text.
/// </summary>
public sealed class CodeKeyTests
{
    [Theory]
    [InlineData("91350100M000100Y43", "91350100M000100Y44")]
    [InlineData("91350100M000100Y43", "91350100m000100Y43")]
    [InlineData("000000000000000000", "00000000000000000a")]
    [InlineData("zzzzzzzzzzzzzzzzzz", "ZZZZZZZZZZZZZZZZZZ")]
    public void TryPack_DifferentCodes_DifferentKeys(string a, string b)
    {
        Assert.True(CodeKey.TryPack(a, out var keyA));
        Assert.True(CodeKey.TryPack(b, out var keyB));
        Assert.NotEqual(keyA, keyB);
        Assert.NotEqual(CodeKey.None, keyA);
        Assert.True(CodeKey.TryPack(a, out var again));
        Assert.Equal(keyA, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("91350100M000100-43")]
    [InlineData("91350100M000100Ä43")]
    public void TryPack_NotEighteenLettersOrDigits_NoKey(string code) =>
        Assert.False(CodeKey.TryPack(code, out _));

    [Fact]
    public void Rate_SharedCodesPackedOrNot_AllFoundInTheirRegion()
    {
        var a = Pools.Scoring(1, 10).Build();
        var b = Pools.Scoring(2, 20).Build();
        var rows = new[]
        {
            ParsedRow.Valid(2, a),
            Odd(3, "X-1", a.Region),
            ParsedRow.Valid(4, b),
            Odd(5, "X-1", a.Region),
            ParsedRow.Valid(6, a with { Tax = 11m }),
            Odd(7, "X-2", a.Region),
            Odd(8, "X-1", "330603"),
            ParsedRow.Valid(9, a with { Region = "330603" }),
        };
        var run = Engine.RateRows(SchemeBuilder.TotalIsTaxPerMu().Build(), rows);

        Assert.Equal([2, 3, 5, 6], run.Rows.Where(r => r.Problems.Any(p => p.Rule == ProblemRule.DuplicateCreditCode)).Select(r => r.RowNumber));
        Assert.Contains("also in row(s) 3", run.Rows[3].Problems[^1].Message, StringComparison.Ordinal);
        Assert.Contains("credit_code 'X-1'", run.Rows[1].Problems[^1].Message, StringComparison.Ordinal);
        Assert.Equal(RowStatus.Rated, run.Rows[2].Status);
    }

    // A row whose code passed its checks but is not of the packed form (the flags come from the parser).
    private static ParsedRow Odd(int rowNumber, string code, string region) => new()
    {
        RowNumber = rowNumber,
        CreditCodeText = code,
        RegionText = region,
        CreditCodeValid = true,
        RegionValid = true,
        Problems = [new FieldProblem(Field.Tax, ProblemRule.NumberFormat, "tax 'x' is not a number")],
    };
}

using MuScore.Core.Rating;
using System.Globalization;
using System.Text.RegularExpressions;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Core.Tests.Builders;

namespace MuScore.Core.Tests.Records;

/// <summary>
/// Duplicates (docs/method.md §10): every row sharing a credit code within a region is INVALID, the
/// first included, and each names the others' row numbers; the same code in two regions is fine.
/// </summary>
public sealed class DuplicateCreditCodeTests
{
    private static readonly Scheme Scheme = SchemeBuilder.TotalIsTaxPerMu().Build();

    [Fact]
    public void Rate_ThreeRowsShareACode_AllInvalidEachNamingTheOthers()
    {
        var twin = Pools.Scoring(1, 10).Build();
        var rows = Engine.AsRows([twin, Pools.Scoring(2, 20).Build(), twin with { Tax = 30 }, Pools.Scoring(3, 40).Build(), twin with { Tax = 50 }]);
        var run = Engine.RateRows(Scheme, rows);

        // Rows 2, 4 and 6 carry the code.
        var duplicates = run.Rows.Where(r => r.CreditCode == twin.CreditCode).ToList();
        Assert.Equal([2, 4, 6], duplicates.Select(r => r.RowNumber));
        Assert.All(duplicates, r => Assert.Equal(RowStatus.Invalid, r.Status));
        Assert.All(duplicates, r => Assert.Null(r.Rating));
        foreach (var row in duplicates)
        {
            var problem = Assert.Single(row.Problems);
            Assert.Equal((Field.CreditCode, ProblemRule.DuplicateCreditCode), (problem.Field!.Value, problem.Rule));
            Assert.Equal(new[] { 2, 4, 6 }.Where(n => n != row.RowNumber), NamedRows(problem, twin));
        }

        // Neither duplicate is rated: the pool holds the two others only.
        Assert.Equal(2, run.PoolOf("ALL").Size);
    }

    [Fact]
    public void Rate_SameCodeInTwoRegions_BothRated()
    {
        var code = CreditCodes.Make(1);
        var linhai = Pools.Scoring(1, 10).Build();
        var huangyan = linhai with { Region = "331003", CreditCode = code };
        var run = Engine.Rate(Scheme, linhai, huangyan);

        Assert.All(run.Rows, r => Assert.Equal(RowStatus.Rated, r.Status));
        Assert.Equal(2, run.Pools.Count);
    }

    [Fact]
    public void Rate_DuplicateOfAnOtherwiseInvalidRow_BothInvalid()
    {
        // The second row has a negative tax but a valid code and region: it still shares the code.
        var parser = new RecordParser();
        var good = parser.Parse(RawRow.Valid(2));
        var bad = parser.Parse(RawRow.Valid(3).With(Field.Tax, "-1"));
        var run = Engine.RateRows(Scheme, [good, bad]);

        Assert.All(run.Rows, r => Assert.Equal(RowStatus.Invalid, r.Status));
        Assert.Equal([3], NamedRows(Assert.Single(run.Rows[0].Problems), good.Record!));
        Assert.Equal([ProblemRule.Negative, ProblemRule.DuplicateCreditCode], run.Rows[1].Problems.Select(p => p.Rule).Order());
    }

    [Fact]
    public void Rate_DuplicatesOutOfScope_InvalidBeforeScope()
    {
        // Validation comes first: duplicate utilities are INVALID, not EXCLUDED.
        var utility = Pools.Scoring(1, 10).Industry("D4411").Build();
        var run = Engine.Rate(Scheme, utility, utility with { Tax = 20 });

        Assert.All(run.Rows, r => Assert.Equal(RowStatus.Invalid, r.Status));
        Assert.All(run.Rows, r => Assert.Empty(r.Exclusions));
    }

    [Fact]
    public void Rate_InvalidRows_KeepTheirProblemsAndNumbers()
    {
        var parser = new RecordParser();
        var rows = new[] { parser.Parse(RawRow.Valid(2)), parser.Parse(new RawRow(3)), parser.Parse(RawRow.Valid(4).With(Field.CreditCode, "91350100M000100Y44")) };
        var run = Engine.RateRows(Scheme, rows);

        Assert.Equal([RowStatus.Rated, RowStatus.Invalid, RowStatus.Invalid], run.Rows.Select(r => r.Status));
        Assert.Equal([2, 3, 4], run.Rows.Select(r => r.RowNumber));
        Assert.Equal(ProblemRule.BlankRow, Assert.Single(run.Rows[1].Problems).Rule);
        Assert.Equal(ProblemRule.CreditCodeCheck, Assert.Single(run.Rows[2].Problems).Rule);
    }

    /// <summary>The row numbers a message names, once the code and region it also quotes are taken out.</summary>
    private static int[] NamedRows(FieldProblem problem, EnterpriseRecord record)
    {
        var text = problem.Message.Replace(record.CreditCode, " ", StringComparison.Ordinal).Replace(record.Region, " ", StringComparison.Ordinal);
        return [.. Regex.Matches(text, "[0-9]+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).Order()];
    }
}

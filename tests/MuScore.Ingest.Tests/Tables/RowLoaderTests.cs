using MuScore.Core.Records;

namespace MuScore.Ingest.Tests.Tables;

public class RowLoaderTests
{
    [Fact]
    public void Load_ValidRows_GivesRecordsAndAHash()
    {
        var result = Samples.Load(Samples.Csv(Samples.ChineseHeaders, [Samples.Row(1), Samples.Row(2)]));

        Assert.Equal(0, result.InvalidCount);
        Assert.True(result.Complete);
        Assert.Equal(64, result.InputHash.Length);
        var record = result.Rows[1].Record!;
        Assert.Equal((3, Samples.Code(2), Scale.Above, 12.5m, 30.25m, -3m, new DateOnly(2015, 6, 1)), (result.Rows[1].RowNumber, record.CreditCode, record.Scale, record.LandMu, record.Tax, record.ValueAdded, record.ProductionStart));
    }

    [Fact]
    public void Load_ShuffledColumnsOrOtherLanguage_GivesTheSameHash()
    {
        var rows = Enumerable.Range(1, 5).Select(Samples.Row).ToList();
        var order = new[] { 6, 0, 9, 3, 1, 8, 2, 5, 4, 7 };
        var shuffledHeaders = order.Select(i => Samples.EnglishHeaders[i]).ToList();
        var shuffledRows = rows.Select(r => order.Select(i => r[i]).ToArray());

        var english = Samples.Load(Samples.Csv(Samples.EnglishHeaders, rows));
        var shuffled = Samples.Load(Samples.Csv(shuffledHeaders, shuffledRows));
        var chinese = Samples.Load(Samples.Csv(Samples.ChineseHeaders, rows));
        var changed = Samples.Load(Samples.Csv(Samples.EnglishHeaders, [.. rows.Take(4), Samples.RowWith(5, "tax", "30.26")]));

        Assert.Equal(english.InputHash, shuffled.InputHash);
        Assert.Equal(english.InputHash, chinese.InputHash);
        Assert.NotEqual(english.InputHash, changed.InputHash);
    }

    [Theory]
    [InlineData("credit_code", "91330603000000001X", Field.CreditCode, ProblemRule.CreditCodeCheck)]
    [InlineData("region", "", Field.Region, ProblemRule.Required)]
    [InlineData("tax", "-1", Field.Tax, ProblemRule.Negative)]
    [InlineData("tax", "1,234", Field.Tax, ProblemRule.NumberFormat)]
    [InlineData("in_construction", "maybe", Field.InConstruction, ProblemRule.BooleanUnknown)]
    [InlineData("production_start", "2025-02-30", Field.ProductionStart, ProblemRule.DateInvalid)]
    [InlineData("scale", "big", Field.Scale, ProblemRule.ScaleUnknown)]
    [InlineData("land_own_mu", "0", Field.LandOwnMu, ProblemRule.LandNotPositive)]
    public void Load_BadValue_ReportsRowFieldAndRule(string column, string value, Field field, ProblemRule rule)
    {
        var text = Samples.Csv(Samples.EnglishHeaders, [Samples.Row(1), Samples.Row(2), Samples.RowWith(3, column, value)]);

        var result = Samples.Load(text);

        Assert.Equal(1, result.InvalidCount);
        var bad = result.Rows[2];
        Assert.Equal(4, bad.RowNumber);
        Assert.Null(bad.Record);
        var problem = Assert.Single(bad.Problems);
        Assert.Equal((field, rule), (problem.Field, problem.Rule));
    }

    [Fact]
    public void Load_BlankLineInData_IsAnInvalidBlankRowAtItsRowNumber()
    {
        var text = $"{string.Join(',', Samples.EnglishHeaders)}\n{string.Join(',', Samples.Row(1))}\n\n{string.Join(',', Samples.Row(2))}\n\n";

        var result = Samples.Load(text);

        Assert.Equal([2, 3, 4], result.Rows.Select(r => r.RowNumber));
        Assert.Equal(ProblemRule.BlankRow, Assert.Single(result.Rows[1].Problems).Rule);
        Assert.Equal(1, result.InvalidCount);
    }

    [Fact]
    public void Load_ExtraCells_MakeTheRowInvalidWithTheShapeProblemFirst()
    {
        var text = Samples.Csv(Samples.EnglishHeaders, [Samples.Row(1)]) + string.Join(',', Samples.Row(2)) + ",stray\n";

        var result = Samples.Load(text);

        var bad = result.Rows[1];
        Assert.Null(bad.Record);
        var problem = Assert.Single(bad.Problems);
        Assert.Equal(ProblemRule.ExtraCells, problem.Rule);
        Assert.Contains("column 11 'stray'", problem.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.InvalidCount);
    }

    [Fact]
    public void Load_EveryProblemOfARow_IsListed()
    {
        var row = Samples.RowWith(1, "tax", "abc");
        row[Array.IndexOf(Samples.EnglishHeaders, "scale")] = "";

        var result = Samples.Load(Samples.Csv(Samples.EnglishHeaders, [row]));

        Assert.Equal([(Field.Scale, ProblemRule.Required), (Field.Tax, ProblemRule.NumberFormat)], result.Rows[0].Problems.Select(p => (p.Field, p.Rule)));
    }

    [Fact]
    public void Load_Strict_StopsAtTheFirstBadRowWithoutThrowing()
    {
        var text = Samples.Csv(Samples.EnglishHeaders, [Samples.Row(1), Samples.RowWith(2, "tax", "-5"), Samples.RowWith(3, "scale", "x")]);

        var result = Samples.Load(text, new LoadOptions { Strict = true });

        Assert.False(result.Complete);
        Assert.Equal(3, result.StoppedAt!.RowNumber);
        Assert.Equal((Field.Tax, ProblemRule.Negative), (result.StoppedAt.Problems[0].Field, result.StoppedAt.Problems[0].Rule));
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(string.Empty, result.InputHash);
    }

    [Fact]
    public void Load_Strict_AllGoodRows_ReadsEverything()
    {
        var result = Samples.Load(Samples.Csv(Samples.EnglishHeaders, [Samples.Row(1), Samples.Row(2)]), new LoadOptions { Strict = true });

        Assert.True(result.Complete);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal(Samples.Load(Samples.Csv(Samples.EnglishHeaders, [Samples.Row(1), Samples.Row(2)])).InputHash, result.InputHash);
    }

    [Fact]
    public void Load_Progress_IsReportedEveryIntervalAndAtTheEnd()
    {
        var reports = new List<LoadProgress>();
        using var table = Samples.Open(Samples.Csv(Samples.EnglishHeaders, Enumerable.Range(1, 25).Select(Samples.Row)));

        RowLoader.Load(table, new LoadOptions { ProgressInterval = 10 }, new SyncProgress(reports.Add));

        Assert.Equal([10, 20, 25], reports.Select(r => r.Rows));
        Assert.Equal(100.0, reports[^1].Percent);
    }

    private sealed class SyncProgress(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => report(value);
    }
}

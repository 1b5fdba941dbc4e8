using System.Security.Cryptography;
using System.Text;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Drafts;

public sealed class DraftRunBuilderTests
{
    [Fact]
    public void From_EngineRun_RatedAndExcludedBecomeRatingsInvalidBecomeRejected()
    {
        var rows = new List<ParsedRow>();
        for (var serial = 1; serial <= 12; serial++)
        {
            rows.Add(EngineRuns.Valid(rows.Count + 2, EngineRuns.Record(serial)));
        }

        rows.Add(EngineRuns.Valid(rows.Count + 2, EngineRuns.Record(50, industry: "D4411")));
        rows.Add(EngineRuns.Invalid(rows.Count + 2, "91331082BAD", new FieldProblem(Field.CreditCode, ProblemRule.CreditCodeFormat, "credit code '91331082BAD' is not 18 characters")));
        rows.Add(new ParsedRow { RowNumber = rows.Count + 2, Problems = [new FieldProblem(null, ProblemRule.BlankRow, "the row is blank")] });
        var run = EngineRuns.Rate(rows);

        var draft = DraftRunBuilder.From(run, TestRuns.Region, TestRuns.Year, TestRuns.Created, TestRuns.Submitter);

        Assert.Equal(15, draft.RecordCount);
        Assert.Equal(TestRuns.Submitter, draft.SubmittedBy);
        Assert.Equal(13, draft.Ratings.Count);
        Assert.Equal(run.Rows.Take(13).Select(r => r.CreditCode), draft.Ratings.Select(r => r.CreditCode));
        var excluded = draft.Ratings[12];
        Assert.Equal((RowStatus.Excluded, "D4411", "ABOVE", null), (excluded.Status, excluded.Industry, excluded.Scale, excluded.Rating));
        Assert.Equal(["utility"], excluded.ExclusionReasons);
        var first = draft.Ratings[0];
        Assert.Equal((RowStatus.Rated, 11.25m, "C3670", TestRuns.Year), (first.Status, first.LandMu, first.Industry, first.Year));
        // The engine builds each row's rating when it is read, so the same rating, not the same instance.
        var rated = run.Rows[0].Rating!;
        Assert.Equal(rated with { Items = default }, first.Rating! with { Items = default });
        Assert.Equal(rated.Items, first.Rating!.Items);
        Assert.Equal((36, new ReportedFigures(137m, 2_001m, 413m, 51m)), (first.Division, first.Figures));
        Assert.Equal((44, new ReportedFigures(132m, 2_050m, 468m, 100m)), (excluded.Division, excluded.Figures));
        Assert.Equal([14, 15], draft.Rejected.Select(r => r.RecordNumber));
        Assert.Equal(new RecordViolation("credit_code", "credit_code_format", "credit code '91331082BAD' is not 18 characters"), Assert.Single(draft.Rejected[0].Violations));
        Assert.Equal(new RecordViolation(string.Empty, "blank_row", "the row is blank"), Assert.Single(draft.Rejected[1].Violations));
        var pool = Assert.Single(draft.Pools);
        Assert.Equal(new PoolCounts("ABOVE", 12, 2, 5, 5, 0), pool);
        Assert.Equal((run.SchemeId, run.SchemeVersion, run.SchemeHash, EngineRuns.InputHash), (draft.SchemeId, draft.SchemeVersion, draft.SchemeHash, draft.InputHash));
    }

    [Fact]
    public void From_AnyRun_RunIdIsSha256OfInputSchemeRegionAndYear()
    {
        var run = EngineRuns.Rate([EngineRuns.Valid(2, EngineRuns.Record(1))]);

        var draft = DraftRunBuilder.From(run, TestRuns.Region, TestRuns.Year, TestRuns.Created, TestRuns.Submitter);

        var text = $"{EngineRuns.InputHash}\n{run.SchemeHash}\n{TestRuns.Region}\n{TestRuns.Year}";
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), draft.RunId);
        Assert.Matches("^[0-9a-f]{64}$", draft.RunId);
    }

    [Fact]
    public void From_RunOfEveryRegion_OtherRegionRowsAreRejectedAndTheirPoolsLeftOut()
    {
        var run = EngineRuns.Rate(
            [EngineRuns.Valid(2, EngineRuns.Record(1)), EngineRuns.Valid(3, EngineRuns.Record(2, region: "330100")), EngineRuns.Valid(4, EngineRuns.Record(3))],
            region: null);

        var draft = DraftRunBuilder.From(run, TestRuns.Region, TestRuns.Year, TestRuns.Created, TestRuns.Submitter);

        Assert.Equal([TestRuns.Code(1), TestRuns.Code(3)], draft.Ratings.Select(r => r.CreditCode));
        var rejected = Assert.Single(draft.Rejected);
        Assert.Equal((2, TestRuns.Code(2, "330100")), (rejected.RecordNumber, rejected.CreditCode));
        Assert.Equal(("region", DraftRunBuilder.OtherRegionRule), (rejected.Violations[0].Field, rejected.Violations[0].Rule));
        Assert.Equal(2, Assert.Single(draft.Pools).Size);
    }

    [Fact]
    public void From_RunFilteredToTheRegion_OtherRegionExclusionsAreRejected()
    {
        var run = EngineRuns.Rate([EngineRuns.Valid(2, EngineRuns.Record(1)), EngineRuns.Valid(3, EngineRuns.Record(2, region: "330100"))]);

        var draft = DraftRunBuilder.From(run, TestRuns.Region, TestRuns.Year, TestRuns.Created, TestRuns.Submitter);

        Assert.Single(draft.Ratings);
        Assert.Equal(DraftRunBuilder.OtherRegionRule, Assert.Single(Assert.Single(draft.Rejected).Violations).Rule);
    }

    [Fact]
    public void From_WrongYearOrRegion_ThrowsArgumentException()
    {
        var run = EngineRuns.Rate([EngineRuns.Valid(2, EngineRuns.Record(1))]);

        Assert.Throws<ArgumentException>(() => DraftRunBuilder.From(run, TestRuns.Region, TestRuns.Year + 1, TestRuns.Created, TestRuns.Submitter));
        Assert.Throws<ArgumentException>(() => DraftRunBuilder.From(run, "330100", TestRuns.Year, TestRuns.Created, TestRuns.Submitter));
    }
}

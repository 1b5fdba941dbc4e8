using MuScore.Core.History;
using MuScore.Core.Rating;
using MuScore.Core.Records;
using MuScore.Core.Sampling;

namespace MuScore.Core.Tests.Builders;

/// <summary>
/// A table with every kind of row the engine settles: generated enterprises of three regions (in and
/// out of scope), INVALID rows, duplicate credit codes within a region and across regions, and a
/// history that gives some D enterprises earlier D years.
/// </summary>
internal static class MixedRows
{
    public static IReadOnlyList<ParsedRow> Generate(int count, long seed)
    {
        var records = SampleGenerator.GenerateRecords(new SampleOptions { Count = count, Seed = seed, Year = Engine.Year }).ToList();
        var rows = new List<ParsedRow>(count + (count / 10));
        for (var i = 0; i < records.Count; i++)
        {
            rows.Add(ParsedRow.Valid(rows.Count + 2, records[i]));
            if (i % 97 == 5)
            {
                // The same code again in its region: both rows become INVALID.
                rows.Add(ParsedRow.Valid(rows.Count + 2, records[i] with { Tax = records[i].Tax + 1m }));
            }
            else if (i % 89 == 7)
            {
                // The same code in another region: both stay valid.
                rows.Add(ParsedRow.Valid(rows.Count + 2, records[i] with { Region = records[i].Region == "331082" ? "330603" : "331082" }));
            }
            else if (i % 83 == 3)
            {
                rows.Add(Invalid(rows.Count + 2, records[i], codeValid: i % 2 == 0));
            }
        }

        return rows;
    }

    /// <summary>Earlier D years for every other enterprise that is D in <paramref name="run"/>.</summary>
    public static RatingHistory HistoryFor(RatingRun run)
    {
        var history = new RatingHistory();
        var d = 0;
        foreach (var row in run.Rows)
        {
            if (row.Rating is { Class: RatingClass.D } && row.Record is { } record && d++ % 2 == 0)
            {
                history.Add(record.Region, record.CreditCode, Engine.Year - 1, RowStatus.Rated, RatingClass.D);
                history.Add(record.Region, record.CreditCode, Engine.Year - 2, d % 3 == 0 ? RowStatus.Rated : RowStatus.Excluded, RatingClass.D);
            }
        }

        return history;
    }

    /// <summary>A row that failed validation; with a valid code it still counts for duplicates.</summary>
    private static ParsedRow Invalid(int rowNumber, EnterpriseRecord record, bool codeValid) => new()
    {
        RowNumber = rowNumber,
        CreditCodeText = codeValid ? record.CreditCode : "BAD" + record.CreditCode,
        Name = record.Name,
        RegionText = record.Region,
        CreditCodeValid = codeValid,
        RegionValid = true,
        Problems = [new FieldProblem(Field.Tax, ProblemRule.NumberFormat, "tax 'x' is not a number")],
    };
}

using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>
/// The cells of ratings.xlsx as typed cells (<see cref="XlsxCell"/>) for <see cref="WorkbookWriter"/>:
/// the same columns and contents as <see cref="RatingsTableLayout.Fill(RowOutcome)"/> followed by
/// the string writer's number check, without formatting a string for each figure and parsing it
/// back (which cost most of the workbook's time). Columns of few distinct values (status, scale,
/// pool, class, override, region, industry, imputed items, the scheme and input) are marked
/// repeated, for the shared string table. One buffer is reused per row.
/// </summary>
public sealed class RatingsXlsxCells
{
    private readonly RatingRun run;
    private readonly int[] indicatorColumn;
    private readonly XlsxCell[] cells;
    private readonly XlsxCell year;

    public RatingsXlsxCells(RatingsTableLayout layout, RatingRun run)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(run);
        this.run = run;
        indicatorColumn = new int[IndicatorCatalog.All.Count];
        var headers = layout.Headers.ToList();
        foreach (var indicator in layout.Indicators)
        {
            indicatorColumn[(int)indicator] = headers.IndexOf($"{indicator.Id()}_value");
        }

        cells = new XlsxCell[headers.Count];
        year = XlsxCell.Of(run.Year);
    }

    /// <summary>
    /// The cells of row <paramref name="row"/> of the run (an index into <see cref="RatingRun.Results"/>),
    /// read from the run's columns so no outcome is built per row; the array is reused by the next call.
    /// </summary>
    public ReadOnlySpan<XlsxCell> Fill(int row)
    {
        var results = run.Results;
        Array.Clear(cells);
        var status = results.Status(row);
        cells[0] = XlsxCell.Of(results.RowNumber(row));
        cells[1] = XlsxCell.OfText(status.Code(), repeated: true);
        cells[2] = status == RowStatus.Rated ? XlsxCell.Empty : XlsxCell.OfText(RatingsTableLayout.Reason(status, results.Problems(row), results.Exclusions(row)));
        cells[3] = XlsxCell.OfText(results.CreditCode(row));
        cells[4] = XlsxCell.OfText(results.Name(row));
        cells[5] = XlsxCell.OfText(results.Region(row), repeated: true);
        cells[6] = year;
        if (results.Record(row) is { } record)
        {
            cells[7] = XlsxCell.OfText(record.Industry, repeated: true);
            cells[8] = XlsxCell.OfText(record.Scale == Scale.Above ? "ABOVE" : "BELOW", repeated: true);
            cells[9] = XlsxNumbers.Of(record.LandMu);
        }

        if (status == RowStatus.Rated)
        {
            FillRating(results, row);
        }

        var last = cells.Length - 4;
        cells[last] = XlsxCell.OfText(run.SchemeId, repeated: true);
        cells[last + 1] = XlsxCell.OfText(run.SchemeVersion, repeated: true);
        cells[last + 2] = XlsxCell.OfText(run.SchemeHash, repeated: true);
        cells[last + 3] = XlsxCell.OfText(run.InputHash, repeated: true);
        return cells;
    }

    private void FillRating(RatingResults results, int row)
    {
        cells[10] = XlsxCell.OfText(results.Pool(row), repeated: true);
        cells[11] = XlsxNumbers.Of(results.Total(row));
        cells[12] = XlsxCell.Of(results.Rank(row));
        cells[13] = XlsxCell.Of(results.PoolSize(row));
        cells[14] = XlsxNumbers.Of(results.Percentile(row));
        cells[15] = XlsxNumbers.Of(results.QuotaRank(row));
        cells[16] = XlsxCell.Of(results.QuotaPoolSize(row));
        cells[17] = XlsxCell.OfText(ClassText(results.Class(row)), repeated: true);
        cells[18] = XlsxCell.OfText(results.Override(row).Code(), repeated: true);
        cells[19] = XlsxNumbers.Of(results.GapToNextClass(row));
        cells[20] = XlsxCell.Of(results.ConsecutiveDYears(row));
        cells[21] = XlsxNumbers.Of(results.Bonus(row));
        cells[22] = XlsxNumbers.Of(results.Penalty(row));
        cells[23] = XlsxCell.OfText(ImputedItems(results, row), repeated: true);
        var indicators = results.Indicators(row);
        var values = results.ItemValues(row);
        var benchmarks = results.Benchmarks(row);
        var scores = results.ItemScores(row);
        for (var k = 0; k < indicators.Length; k++)
        {
            var column = indicatorColumn[(int)indicators[k]];
            if (column <= 0)
            {
                // An indicator the layout has no columns for: never from the scheme that rated it.
                continue;
            }

            // NaN is an absent value or benchmark (an empty cell); a score is always there.
            cells[column] = double.IsNaN(values[k]) ? XlsxCell.Empty : XlsxNumbers.Of(values[k]);
            cells[column + 1] = double.IsNaN(benchmarks[k]) ? XlsxCell.Empty : XlsxNumbers.Of(benchmarks[k]);
            cells[column + 2] = XlsxNumbers.Of(scores[k]);
        }
    }

    private static string ClassText(RatingClass value) => value switch
    {
        RatingClass.A => "A",
        RatingClass.B => "B",
        RatingClass.C => "C",
        RatingClass.D => "D",
        _ => value.ToString(),
    };

    /// <summary>The imputed indicators in scheme order joined by ";" (usually none, then no string is made).</summary>
    private static string? ImputedItems(RatingResults results, int row)
    {
        var indicators = results.Indicators(row);
        List<string>? ids = null;
        for (var k = 0; k < indicators.Length; k++)
        {
            if (results.ItemBasis(row, k) == ItemBasis.Imputed)
            {
                (ids ??= []).Add(indicators[k].Id());
            }
        }

        return ids is null ? null : string.Join(";", ids);
    }
}

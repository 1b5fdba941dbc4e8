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

    /// <summary>The cells of one outcome; the array is reused by the next call.</summary>
    public ReadOnlySpan<XlsxCell> Fill(RowOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Array.Clear(cells);
        var record = outcome.Record;
        cells[0] = XlsxCell.Of(outcome.RowNumber);
        cells[1] = XlsxCell.OfText(outcome.Status.Code(), repeated: true);
        cells[2] = outcome.Status == RowStatus.Rated ? XlsxCell.Empty : XlsxCell.OfText(RatingsTableLayout.Reason(outcome));
        cells[3] = XlsxCell.OfText(outcome.CreditCode);
        cells[4] = XlsxCell.OfText(outcome.Name);
        cells[5] = XlsxCell.OfText(outcome.Region, repeated: true);
        cells[6] = year;
        if (record is not null)
        {
            cells[7] = XlsxCell.OfText(record.Industry, repeated: true);
            cells[8] = XlsxCell.OfText(record.Scale == Scale.Above ? "ABOVE" : "BELOW", repeated: true);
            cells[9] = XlsxNumbers.Of(record.LandMu);
        }

        if (outcome.Rating is { } rating)
        {
            FillRating(rating);
        }

        var last = cells.Length - 4;
        cells[last] = XlsxCell.OfText(run.SchemeId, repeated: true);
        cells[last + 1] = XlsxCell.OfText(run.SchemeVersion, repeated: true);
        cells[last + 2] = XlsxCell.OfText(run.SchemeHash, repeated: true);
        cells[last + 3] = XlsxCell.OfText(run.InputHash, repeated: true);
        return cells;
    }

    private void FillRating(EnterpriseRating rating)
    {
        cells[10] = XlsxCell.OfText(rating.Pool, repeated: true);
        cells[11] = XlsxNumbers.Of(rating.Total);
        cells[12] = XlsxCell.Of(rating.Rank);
        cells[13] = XlsxCell.Of(rating.PoolSize);
        cells[14] = XlsxNumbers.Of(rating.Percentile);
        cells[15] = XlsxNumbers.Of(rating.QuotaRank);
        cells[16] = XlsxCell.Of(rating.QuotaPoolSize);
        cells[17] = XlsxCell.OfText(ClassText(rating.Class), repeated: true);
        cells[18] = XlsxCell.OfText(rating.Override.Code(), repeated: true);
        cells[19] = XlsxNumbers.Of(rating.GapToNextClass);
        cells[20] = XlsxCell.Of(rating.ConsecutiveDYears);
        cells[21] = XlsxNumbers.Of(rating.Bonus);
        cells[22] = XlsxNumbers.Of(rating.Penalty);
        cells[23] = XlsxCell.OfText(ImputedItems(rating), repeated: true);
        foreach (var item in rating.Items)
        {
            var column = indicatorColumn[(int)item.Indicator];
            if (column <= 0)
            {
                // An indicator the layout has no columns for: never from the scheme that rated it.
                continue;
            }

            cells[column] = XlsxNumbers.Of(item.Value);
            cells[column + 1] = XlsxNumbers.Of(item.Benchmark);
            cells[column + 2] = XlsxNumbers.Of(item.Score);
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

    /// <summary>The imputed indicators joined by ";" (usually none, then no string is made).</summary>
    private static string? ImputedItems(EnterpriseRating rating)
    {
        foreach (var item in rating.Items)
        {
            if (item.Imputed)
            {
                return string.Join(";", rating.Items.Where(i => i.Imputed).Select(i => i.Indicator.Id()));
            }
        }

        return null;
    }
}

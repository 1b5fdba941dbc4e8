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
/// repeated, for the shared string table. One buffer is reused per row: a writer thread needs a
/// source of its own.
/// </summary>
public sealed class RatingsXlsxCells : IXlsxRowSource
{
    /// <summary>Shared-text cells of a row (<see cref="FillShared"/>): status, region, industry, scale, pool, class, override, imputed, the scheme's four.</summary>
    private const int SharedCells = 12;

    private readonly RatingRun run;
    private readonly int[] indicatorColumn;
    private readonly XlsxCell[] cells;
    private readonly XlsxCell[] shared = new XlsxCell[SharedCells];
    private readonly XlsxCell year;
    private readonly XlsxCell schemeId;
    private readonly XlsxCell schemeVersion;
    private readonly XlsxCell schemeHash;
    private readonly XlsxCell inputHash;

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
        schemeId = XlsxCell.OfText(run.SchemeId, repeated: true);
        schemeVersion = XlsxCell.OfText(run.SchemeVersion, repeated: true);
        schemeHash = XlsxCell.OfText(run.SchemeHash, repeated: true);
        inputHash = XlsxCell.OfText(run.InputHash, repeated: true);
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
        cells[1] = StatusCell(status);
        cells[2] = status == RowStatus.Rated ? XlsxCell.Empty : XlsxCell.OfText(RatingsTableLayout.Reason(status, results.Problems(row), results.Exclusions(row)));
        cells[3] = XlsxCell.OfText(results.CreditCode(row));
        cells[4] = XlsxCell.OfText(results.Name(row));
        cells[5] = RegionCell(results, row);
        cells[6] = year;
        if (results.Record(row) is { } record)
        {
            cells[7] = IndustryCell(record);
            cells[8] = ScaleCell(record);
            cells[9] = XlsxNumbers.Of(record.LandMu);
        }

        if (status == RowStatus.Rated)
        {
            FillRating(results, row);
        }

        var last = cells.Length - 4;
        cells[last] = schemeId;
        cells[last + 1] = schemeVersion;
        cells[last + 2] = schemeHash;
        cells[last + 3] = inputHash;
        return cells;
    }

    /// <summary>
    /// The shared-text cells of row <paramref name="row"/>, in column order, made by the same
    /// methods as <see cref="Fill"/>'s: the writer numbers the shared strings from these before
    /// writing rows in parallel, without filling every cell twice.
    /// </summary>
    public ReadOnlySpan<XlsxCell> FillShared(int row)
    {
        var results = run.Results;
        var status = results.Status(row);
        var record = results.Record(row);
        var rated = status == RowStatus.Rated;
        shared[0] = StatusCell(status);
        shared[1] = RegionCell(results, row);
        shared[2] = record is null ? XlsxCell.Empty : IndustryCell(record);
        shared[3] = record is null ? XlsxCell.Empty : ScaleCell(record);
        shared[4] = rated ? PoolCell(results, row) : XlsxCell.Empty;
        shared[5] = rated ? ClassCell(results, row) : XlsxCell.Empty;
        shared[6] = rated ? OverrideCell(results, row) : XlsxCell.Empty;
        shared[7] = rated ? ImputedCell(results, row) : XlsxCell.Empty;
        shared[8] = schemeId;
        shared[9] = schemeVersion;
        shared[10] = schemeHash;
        shared[11] = inputHash;
        return shared;
    }

    private static XlsxCell StatusCell(RowStatus status) => XlsxCell.OfText(status.Code(), repeated: true);

    private static XlsxCell RegionCell(RatingResults results, int row) => XlsxCell.OfText(results.Region(row), repeated: true);

    private static XlsxCell IndustryCell(EnterpriseRecord record) => XlsxCell.OfText(record.Industry, repeated: true);

    private static XlsxCell ScaleCell(EnterpriseRecord record) => XlsxCell.OfText(record.Scale == Scale.Above ? "ABOVE" : "BELOW", repeated: true);

    private static XlsxCell PoolCell(RatingResults results, int row) => XlsxCell.OfText(results.Pool(row), repeated: true);

    private static XlsxCell ClassCell(RatingResults results, int row) => XlsxCell.OfText(ClassText(results.Class(row)), repeated: true);

    private static XlsxCell OverrideCell(RatingResults results, int row) => XlsxCell.OfText(results.Override(row).Code(), repeated: true);

    private static XlsxCell ImputedCell(RatingResults results, int row) => XlsxCell.OfText(ImputedItems(results, row), repeated: true);

    private void FillRating(RatingResults results, int row)
    {
        cells[10] = PoolCell(results, row);
        cells[11] = XlsxNumbers.Of(results.Total(row));
        cells[12] = XlsxCell.Of(results.Rank(row));
        cells[13] = XlsxCell.Of(results.PoolSize(row));
        cells[14] = XlsxNumbers.Of(results.Percentile(row));
        cells[15] = XlsxNumbers.Of(results.QuotaRank(row));
        cells[16] = XlsxCell.Of(results.QuotaPoolSize(row));
        cells[17] = ClassCell(results, row);
        cells[18] = OverrideCell(results, row);
        cells[19] = XlsxNumbers.Of(results.GapToNextClass(row));
        cells[20] = XlsxCell.Of(results.ConsecutiveDYears(row));
        cells[21] = XlsxNumbers.Of(results.Bonus(row));
        cells[22] = XlsxNumbers.Of(results.Penalty(row));
        cells[23] = ImputedCell(results, row);
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

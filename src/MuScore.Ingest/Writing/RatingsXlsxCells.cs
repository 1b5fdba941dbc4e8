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
public sealed class RatingsXlsxCells : IXlsxRowSource, IXlsxRowWriter
{
    /// <summary>Shared-text cells of a row (<see cref="FillShared"/>): status, region, industry, scale, pool, class, override, imputed, the scheme's four.</summary>
    private const int SharedCells = 12;

    private readonly RatingRun run;
    private readonly RatingsTableLayout layout;

    // Per pool (index in RatingRun.Pools): for each of the layout's indicators in column order, the
    // item index in the pool's spans (-1: no such item, the three cells stay empty). Built on first use.
    private readonly int[]?[] itemOfIndicator;

    // The imputed-items text of each pool (index) and set of imputed items (a bit per item) met so far.
    private readonly Dictionary<(int Pool, ulong Items), string> imputedTexts = [];
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
        this.layout = layout;
        itemOfIndicator = new int[run.Pools.Count][];
        cells = new XlsxCell[layout.Headers.Count];
        // The same on every row: the sheet's deflater takes them with the markup around them.
        year = XlsxCell.Of(run.Year).SameOnEveryRow();
        schemeId = XlsxCell.OfText(run.SchemeId, repeated: true).SameOnEveryRow();
        schemeVersion = XlsxCell.OfText(run.SchemeVersion, repeated: true).SameOnEveryRow();
        schemeHash = XlsxCell.OfText(run.SchemeHash, repeated: true).SameOnEveryRow();
        inputHash = XlsxCell.OfText(run.InputHash, repeated: true).SameOnEveryRow();
    }

    /// <summary>
    /// The cells of row <paramref name="row"/> of the run (an index into <see cref="RatingRun.Results"/>),
    /// read from the run's columns so no outcome is built per row; the array is reused by the next call.
    /// </summary>
    public ReadOnlySpan<XlsxCell> Fill(int row)
    {
        Array.Clear(cells);
        var sink = new XlsxCellArray(cells);
        Emit(ref sink, row);
        return cells;
    }

    /// <summary>Row <paramref name="row"/>'s cells straight into the sheet XML: <see cref="Fill"/>'s cells without the array in between.</summary>
    void IXlsxRowWriter.Write(ref SheetRow sheetRow, int row) => Emit(ref sheetRow, row);

    /// <summary>The non-empty cells of row <paramref name="row"/>, in column order, into <paramref name="sink"/>.</summary>
    private void Emit<TSink>(ref TSink sink, int row)
        where TSink : IXlsxCellSink, allows ref struct
    {
        var results = run.Results;
        var status = results.Status(row);
        sink.Whole(0, results.RowNumber(row));
        sink.Cell(1, StatusCell(status));
        if (status != RowStatus.Rated)
        {
            sink.Text(2, RatingsTableLayout.Reason(status, results.Problems(row), results.Exclusions(row)));
        }

        sink.Text(3, results.CreditCode(row));
        sink.Text(4, results.Name(row));
        sink.Cell(5, RegionCell(results, row));
        sink.Cell(6, year);
        if (results.Record(row) is { } record)
        {
            sink.Cell(7, IndustryCell(record));
            sink.Cell(8, ScaleCell(record));
            sink.Cell(9, XlsxNumbers.Of(record.LandMu));
        }

        if (status == RowStatus.Rated)
        {
            EmitRating(ref sink, results, row);
        }

        var last = cells.Length - 4;
        sink.Cell(last, schemeId);
        sink.Cell(last + 1, schemeVersion);
        sink.Cell(last + 2, schemeHash);
        sink.Cell(last + 3, inputHash);
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

    private XlsxCell ImputedCell(RatingResults results, int row) => XlsxCell.OfText(ImputedItems(results, row), repeated: true);

    private void EmitRating<TSink>(ref TSink sink, RatingResults results, int row)
        where TSink : IXlsxCellSink, allows ref struct
    {
        sink.Cell(10, PoolCell(results, row));
        sink.Number(11, results.Total(row));
        sink.Whole(12, results.Rank(row));
        sink.Whole(13, results.PoolSize(row));
        sink.Number(14, results.Percentile(row));
        sink.Cell(15, XlsxNumbers.Of(results.QuotaRank(row)));
        sink.Whole(16, results.QuotaPoolSize(row));
        sink.Cell(17, ClassCell(results, row));
        sink.Cell(18, OverrideCell(results, row));
        sink.Cell(19, XlsxNumbers.Of(results.GapToNextClass(row)));
        sink.Whole(20, results.ConsecutiveDYears(row));
        sink.Number(21, results.Bonus(row));
        sink.Number(22, results.Penalty(row));
        sink.Cell(23, ImputedCell(results, row));
        var items = itemOfIndicator[results.PoolIndex(row)] ??= ItemsByIndicator(results.Indicators(row));
        var values = results.ItemValues(row);
        var benchmarks = results.Benchmarks(row);
        var scores = results.ItemScores(row);
        for (var i = 0; i < items.Length; i++)
        {
            var k = items[i];
            if (k < 0)
            {
                continue;
            }

            // NaN is an absent value or benchmark (an empty cell); a score is always there.
            var column = RatingsTableLayout.LeadingCount + (3 * i);
            if (!double.IsNaN(values[k]))
            {
                sink.Number(column, values[k]);
            }

            if (!double.IsNaN(benchmarks[k]))
            {
                sink.Number(column + 1, benchmarks[k]);
            }

            sink.Number(column + 2, scores[k]);
        }
    }

    /// <summary>For each of the layout's indicators, the item index in a pool's spans; the last wins (a later item's cells replaced an earlier one's).</summary>
    private int[] ItemsByIndicator(ReadOnlySpan<Indicator> indicators)
    {
        var slots = new int[layout.Indicators.Count];
        Array.Fill(slots, -1);
        for (var k = 0; k < indicators.Length; k++)
        {
            var column = layout.FirstColumnOf(indicators[k]);
            if (column > 0)
            {
                slots[(column - RatingsTableLayout.LeadingCount) / 3] = k;
            }
        }

        return slots;
    }

    private static string ClassText(RatingClass value) => value switch
    {
        RatingClass.A => "A",
        RatingClass.B => "B",
        RatingClass.C => "C",
        RatingClass.D => "D",
        _ => value.ToString(),
    };

    /// <summary>
    /// The imputed indicators in scheme order joined by ";" (usually none, then no string is made).
    /// One string per pool and set of imputed items, kept: the same instance row after row lets the
    /// sheet writer skip the shared string look-up, and no string is joined per row.
    /// </summary>
    private string? ImputedItems(RatingResults results, int row)
    {
        var indicators = results.Indicators(row);
        if (indicators.Length > 64)
        {
            return JoinImputed(results, row);
        }

        var set = 0UL;
        for (var k = 0; k < indicators.Length; k++)
        {
            if (results.ItemBasis(row, k) == ItemBasis.Imputed)
            {
                set |= 1UL << k;
            }
        }

        if (set == 0)
        {
            return null;
        }

        var key = (results.PoolIndex(row), set);
        if (!imputedTexts.TryGetValue(key, out var text))
        {
            text = JoinImputed(results, row)!;
            imputedTexts[key] = text;
        }

        return text;
    }

    /// <summary>The ids of the row's imputed items, in scheme order, joined by ";"; null when none is.</summary>
    private static string? JoinImputed(RatingResults results, int row)
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

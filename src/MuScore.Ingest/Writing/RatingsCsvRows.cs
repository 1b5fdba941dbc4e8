using System.Globalization;
using MuScore.Core.Indicators;
using MuScore.Core.Rating;
using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>
/// The rows of ratings.csv written straight from a run's columns (<see cref="RatingRun.Results"/>)
/// into a <see cref="CsvRowBuffer"/>: the bytes <see cref="CsvTableWriter"/> gives for
/// <see cref="RatingsTableLayout.Fill(RowOutcome)"/>'s cells, without a row object or a string
/// per cell. Cells that repeat (status, class, pool, the scheme and input columns) are encoded
/// once. One instance per thread: it keeps its own per-pool column maps.
/// </summary>
public sealed class RatingsCsvRows
{
    private static readonly byte[][] StatusCells = Cells(Enum.GetValues<RowStatus>(), s => s.Code());
    private static readonly byte[][] ClassCells = Cells(Enum.GetValues<RatingClass>(), c => c.ToString());
    private static readonly byte[][] OverrideCells = Cells(Enum.GetValues<OverrideKind>(), o => o.Code());
    private static readonly byte[] Above = CsvRowBuffer.Encode("ABOVE", XlsxColumnKind.Text);
    private static readonly byte[] Below = CsvRowBuffer.Encode("BELOW", XlsxColumnKind.Text);

    private readonly RatingResults results;
    private readonly RatingsTableLayout layout;
    private readonly int year;
    private readonly byte[][] trailing;

    // Per pool (index in RatingRun.Pools): its id's cell, and for each layout indicator the item
    // index in the pool's spans (-1: no such item, the three cells stay empty). Built on first use.
    private readonly byte[]?[] poolCells;
    private readonly int[]?[] itemOfIndicator;
    private char[] imputed = new char[256];

    // The reasons of an EXCLUDED row are one of a few lists the run shares (one per set of
    // reasons): each list's text is joined once, not once per row (some 80,000 rows at 1M).
    private readonly Dictionary<IReadOnlyList<ExclusionReason>, string> exclusionTexts = new(ReferenceEqualityComparer.Instance);

    public RatingsCsvRows(RatingsTableLayout layout, RatingRun run)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(run);
        this.layout = layout;
        results = run.Results;
        year = run.Year;
        trailing = [.. layout.TrailingCells().Select(c => CsvRowBuffer.Encode(c, XlsxColumnKind.Text))];
        poolCells = new byte[run.Pools.Count][];
        itemOfIndicator = new int[run.Pools.Count][];
    }

    /// <summary>Rows in the run.</summary>
    public int Count => results.Count;

    /// <summary>Appends rows <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive), in order.</summary>
    public void Write(CsvRowBuffer buffer, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, results.Count);
        for (var row = start; row < end; row++)
        {
            WriteRow(buffer, row);
        }
    }

    private static byte[][] Cells<T>(T[] values, Func<T, string> text)
        where T : struct, Enum
    {
        var cells = new byte[values.Max(v => Convert.ToInt32(v, CultureInfo.InvariantCulture)) + 1][];
        foreach (var value in values)
        {
            cells[Convert.ToInt32(value, CultureInfo.InvariantCulture)] = CsvRowBuffer.Encode(text(value), XlsxColumnKind.Text);
        }

        return cells;
    }

    private void WriteRow(CsvRowBuffer buffer, int row)
    {
        var status = results.Status(row);
        buffer.Number(results.RowNumber(row));
        buffer.Raw(StatusCells[(int)status]);
        if (status == RowStatus.Rated)
        {
            buffer.Empty();
        }
        else
        {
            buffer.Text(Reason(status, row), XlsxColumnKind.Text);
        }

        buffer.Text(results.CreditCode(row), XlsxColumnKind.Text);
        buffer.Text(results.Name(row), XlsxColumnKind.Text);
        buffer.Text(results.Region(row), XlsxColumnKind.Text);
        buffer.Number(year);
        if (results.Record(row) is { } record)
        {
            buffer.Text(record.Industry, XlsxColumnKind.Text);
            buffer.Raw(record.Scale == Scale.Above ? Above : Below);
            buffer.Number(record.LandMu);
        }
        else
        {
            buffer.Empty();
            buffer.Empty();
            buffer.Empty();
        }

        var items = status == RowStatus.Rated ? WriteRating(buffer, row) : null;
        WriteLeadingGap(buffer, items is null);
        WriteIndicators(buffer, row, items);
        foreach (var cell in trailing)
        {
            buffer.Raw(cell);
        }

        buffer.EndRow();
    }

    /// <summary>Columns pool … imputed_items of a RATED row; returns the row's item index per layout indicator.</summary>
    private int[] WriteRating(CsvRowBuffer buffer, int row)
    {
        var pool = results.PoolIndex(row);
        buffer.Raw(poolCells[pool] ??= CsvRowBuffer.Encode(results.Pool(row), XlsxColumnKind.Text));
        buffer.Number(results.Total(row));
        buffer.Number(results.Rank(row));
        buffer.Number(results.PoolSize(row));
        buffer.Number(results.Percentile(row));
        buffer.Number(results.QuotaRank(row));
        buffer.Number(results.QuotaPoolSize(row));
        buffer.Raw(ClassCells[(int)results.Class(row)]);
        buffer.Raw(OverrideCells[(int)results.Override(row)]);
        buffer.Number(results.GapToNextClass(row));
        buffer.Number(results.ConsecutiveDYears(row));
        buffer.Number(results.Bonus(row));
        buffer.Number(results.Penalty(row));
        buffer.Text(ImputedIds(row), XlsxColumnKind.Text);
        return itemOfIndicator[pool] ??= ItemsByIndicator(results.Indicators(row));
    }

    /// <summary>The 14 rating columns (pool … imputed_items) stay empty for a row that is not RATED.</summary>
    private string Reason(RowStatus status, int row)
    {
        if (status != RowStatus.Excluded)
        {
            return RatingsTableLayout.Reason(status, results.Problems(row), results.Exclusions(row));
        }

        var exclusions = results.Exclusions(row);
        if (!exclusionTexts.TryGetValue(exclusions, out var text))
        {
            text = RatingsTableLayout.Reason(status, [], exclusions);
            exclusionTexts[exclusions] = text;
        }

        return text;
    }

    private static void WriteLeadingGap(CsvRowBuffer buffer, bool empty)
    {
        if (!empty)
        {
            return;
        }

        for (var i = 10; i < RatingsTableLayout.LeadingCount; i++)
        {
            buffer.Empty();
        }
    }

    private void WriteIndicators(CsvRowBuffer buffer, int row, int[]? items)
    {
        var count = layout.Indicators.Count;
        if (items is null)
        {
            for (var i = 0; i < count * 3; i++)
            {
                buffer.Empty();
            }

            return;
        }

        var values = results.ItemValues(row);
        var benchmarks = results.Benchmarks(row);
        var scores = results.ItemScores(row);
        for (var i = 0; i < count; i++)
        {
            var k = items[i];
            if (k < 0)
            {
                buffer.Empty();
                buffer.Empty();
                buffer.Empty();
                continue;
            }

            // NaN is an absent value or benchmark (an empty cell); a score is always there.
            NumberOrEmpty(buffer, values[k]);
            NumberOrEmpty(buffer, benchmarks[k]);
            buffer.Number(scores[k]);
        }
    }

    private static void NumberOrEmpty(CsvRowBuffer buffer, double value)
    {
        if (double.IsNaN(value))
        {
            buffer.Empty();
        }
        else
        {
            buffer.Number(value);
        }
    }

    /// <summary>The ids of the row's imputed items in scheme order, joined by ";" (as the layout does).</summary>
    private ReadOnlySpan<char> ImputedIds(int row)
    {
        var indicators = results.Indicators(row);
        var length = 0;
        for (var k = 0; k < indicators.Length; k++)
        {
            if (results.ItemBasis(row, k) != ItemBasis.Imputed)
            {
                continue;
            }

            var id = indicators[k].Id();
            if (imputed.Length < length + id.Length + 1)
            {
                Array.Resize(ref imputed, (imputed.Length * 2) + id.Length);
            }

            if (length > 0)
            {
                imputed[length++] = ';';
            }

            id.CopyTo(imputed.AsSpan(length));
            length += id.Length;
        }

        return imputed.AsSpan(0, length);
    }

    /// <summary>For each of the layout's indicators, the item index in a pool's spans; the last wins, as in the layout's fill.</summary>
    private int[] ItemsByIndicator(ReadOnlySpan<Indicator> indicators)
    {
        var slots = new int[layout.Indicators.Count];
        Array.Fill(slots, -1);
        for (var k = 0; k < indicators.Length; k++)
        {
            var column = layout.FirstColumnOf(indicators[k]);
            if (column != 0)
            {
                slots[(column - RatingsTableLayout.LeadingCount) / 3] = k;
            }
        }

        return slots;
    }
}

using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>
/// An open input table (CSV or the first sheet of an .xlsx) whose header row has been read and
/// mapped to fields. Rows are streamed once with <see cref="ReadRows"/>. Open one with
/// <see cref="TableReader"/>.
/// </summary>
public sealed class InputTable : IDisposable
{
    private readonly ITableSource source;
    private readonly HeaderMap map;
    private readonly int headerRow;
    private readonly List<BufferedRecord> pending;
    private bool read;
    private bool disposed;

    internal InputTable(ITableSource source, string displayName)
    {
        this.source = source;
        DisplayName = displayName;
        var (row, headers, readAhead) = HeaderSearch.Find(source, displayName);
        headerRow = row;
        pending = readAhead;
        Headers = headers;
        map = HeaderMap.Build(source, headers, row, displayName);
    }

    /// <summary>The name used in messages (the path as given, or the caller's display name).</summary>
    public string DisplayName { get; }

    /// <summary>"csv-utf8", "csv-utf8-bom", "csv-gb18030", "csv-utf16le", "csv-utf16be" or "xlsx".</summary>
    public string Format => source.Format;

    /// <summary>The header cells as in the file, trailing blank cells dropped.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Headers that name no field (their columns are ignored); a blank one reads "(blank, column E)".</summary>
    public IReadOnlyList<string> IgnoredHeaders => map.Ignored;

    /// <summary>Bytes read so far: of the file for CSV, of the uncompressed sheet for .xlsx.</summary>
    public long Position => source.Position;

    /// <summary>Total bytes <see cref="Position"/> runs to, or -1 when the stream's length is unknown.</summary>
    public long Length => source.Length;

    /// <summary>Whether the header row has a column for <paramref name="field"/>.</summary>
    public bool HasColumn(Field field) => map.ColumnOf[(int)field] >= 0;

    /// <summary>
    /// Streams the data rows in file order, numbered as a spreadsheet shows them. A blank record
    /// or a row number the sheet omits, inside the data, is a row with IsBlank = true; blank rows
    /// after the last non-blank row are not rows. The same row instance is reused: a row is valid
    /// until the enumerator's next MoveNext. Call once; throws <see cref="TableFormatException"/>
    /// when the file turns out broken part-way (an unclosed quote, invalid bytes, a corrupt sheet).
    /// </summary>
    public IEnumerable<ITableRow> ReadRows()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (read)
        {
            throw new InvalidOperationException("The rows of an InputTable can be read only once.");
        }

        read = true;
        return Rows(null)!;
    }

    /// <summary>
    /// As <see cref="ReadRows()"/>, but a CSV's runs of plain records come as a null row, with the
    /// run's text in <paramref name="runs"/> (at most <see cref="RecordRun.Room"/> records), for the
    /// caller to split on another thread. Blank rows before a run still come one by one.
    /// </summary>
    internal IEnumerable<ITableRow?> ReadRowsAndRuns(RecordRun runs)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (read)
        {
            throw new InvalidOperationException("The rows of an InputTable can be read only once.");
        }

        read = true;
        return Rows(runs);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        disposed = true;
        source.Dispose();
    }

    private IEnumerable<ITableRow?> Rows(RecordRun? runs)
    {
        var blank = new BlankTableRow();
        var last = headerRow;

        // Records the header search read past the header come first, then the rest of the source.
        var replay = new ReplayedRecord(source);
        var replayed = new TableRow(replay, map.ColumnOf, Headers.Count);
        foreach (var record in pending)
        {
            for (var number = last + 1; number < record.RowNumber; number++)
            {
                blank.RowNumber = number;
                yield return blank;
            }

            replay.Record = record;
            replayed.Load();
            yield return replayed;
            last = record.RowNumber;
        }

        var row = new TableRow(source, map.ColumnOf, Headers.Count);
        var csv = runs is not null && source is CsvParser { CanTakeRuns: true } parser ? parser : null;
        var layout = csv is null ? null : new RecordRunLayout(csv.Delimiter, map.ColumnOf, Headers.Count, csv);
        while (true)
        {
            if (csv is not null && csv.TryTakeRun(runs!.Room, out var start, out var length, out var records))
            {
                var first = csv.RowNumber - records + 1;
                for (var number = last + 1; number < first; number++)
                {
                    blank.RowNumber = number;
                    yield return blank;
                }

                runs.Set(csv.Text, start, length, records, first, layout!);
                yield return null;
                last = csv.RowNumber;
                continue;
            }

            if (!source.Read())
            {
                break;
            }

            if (source.IsBlankRecord())
            {
                continue; // emitted as a blank row only once a later non-blank row shows it is inside the data
            }

            for (var number = last + 1; number < source.RowNumber; number++)
            {
                blank.RowNumber = number;
                yield return blank;
            }

            row.Load();
            yield return row;
            last = source.RowNumber;
        }
    }
}

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
        return Rows();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        disposed = true;
        source.Dispose();
    }

    private IEnumerable<ITableRow> Rows()
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
        while (source.Read())
        {
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

using System.Buffers;
using System.Globalization;
using System.Text;

namespace MuScore.Ingest;

/// <summary>
/// An RFC 4180 reader that exposes each record's cells as slices of one reusable char buffer, so
/// the hot path allocates nothing per cell. A field is quoted when its first char is '"': inside,
/// "" is a quote and CR/LF are text; text after the closing quote up to the delimiter is kept
/// literally. A quote inside an unquoted field is literal. CRLF, LF and lone CR end a record.
/// </summary>
internal sealed partial class CsvParser : ITableSource
{
    /// <summary>Longest record accepted: 16 Mi chars. Anything longer is a quote left open, not data.</summary>
    internal const int MaxRecordChars = 16 * 1024 * 1024;

    private readonly Stream stream;
    private readonly bool ownsStream;
    private readonly CsvTextBuffer text;
    private readonly string displayName;
    private readonly SearchValues<char> fieldEnds;
    private int next;
    private int[] starts = new int[64];
    private int[] lengths = new int[64];
    private bool[] quoted = new bool[64];
    private int count;

    public CsvParser(Stream stream, bool ownsStream, SniffedHead head, DetectedEncoding encoding, char? delimiter, string displayName)
    {
        this.stream = stream;
        this.ownsStream = ownsStream;
        this.displayName = displayName;
        Format = encoding.Format;
        Length = head.StreamLength;
        text = new CsvTextBuffer(stream, encoding.Encoding, head.Bytes, head.Length, encoding.BomLength, head.IsWholeStream);
        FillText();
        Delimiter = delimiter ?? DetectDelimiter(text.Chars.AsSpan(0, text.End));
        fieldEnds = SearchValues.Create([Delimiter, '\r', '\n']);
    }

    private enum Outcome
    {
        Complete,
        NeedMore,
        NoRecord,
    }

    public string Format { get; }

    public char Delimiter { get; }

    public int RowNumber { get; private set; }

    public int CellCount => count;

    public long Position => text.BytesConsumed;

    public long Length { get; }

    public bool Read()
    {
        var atEnd = false;
        while (true)
        {
            switch (TryParse(atEnd))
            {
                case Outcome.Complete:
                    RowNumber++;
                    Unescape();
                    return true;
                case Outcome.NoRecord:
                    return false;
                default:
                    if (text.End - next > MaxRecordChars)
                    {
                        throw TableFormatException.For(
                            displayName,
                            string.Create(CultureInfo.InvariantCulture, $"row {RowNumber + 1} is longer than {MaxRecordChars} characters; a quoted cell is most likely never closed (a quote inside a quoted cell is written \"\")"));
                    }

                    atEnd = !FillText();
                    break;
            }
        }
    }

    public ReadOnlySpan<char> Cell(int column) =>
        (uint)column < (uint)count ? text.Chars.AsSpan(starts[column], lengths[column]) : default;

    public string ColumnName(int column) => string.Create(CultureInfo.InvariantCulture, $"column {column + 1}");

    public void Dispose()
    {
        if (ownsStream)
        {
            stream.Dispose();
        }
    }

    /// <summary>',' unless the first line has no comma but has tabs or semicolons.</summary>
    internal static char DetectDelimiter(ReadOnlySpan<char> start)
    {
        var lineEnd = start.IndexOfAny('\r', '\n');
        var line = lineEnd < 0 ? start : start[..lineEnd];
        if (line.Contains(','))
        {
            return ',';
        }

        var tabs = line.Count('\t');
        var semicolons = line.Count(';');
        return tabs == 0 && semicolons == 0 ? ',' : tabs >= semicolons ? '\t' : ';';
    }

    private bool FillText()
    {
        try
        {
            var more = text.Fill(next);
            next = 0;
            ForgetRunStops();
            return more;
        }
        catch (DecoderFallbackException e)
        {
            var utf16 = Format.StartsWith("csv-utf16", StringComparison.Ordinal);
            var encoding = Format == "csv-gb18030" ? "GB18030 (nor UTF-8)" : utf16 ? "UTF-16" : "UTF-8";

            // The row counts the line ends decoded before the bad bytes (a line break inside a quoted cell counts too: hence "around").
            var row = RowNumber + 1 + text.LineEndsBefore(e, asciiCompatible: !utf16);
            throw TableFormatException.For(
                displayName,
                string.Create(CultureInfo.InvariantCulture, $"the text is not valid {encoding} near byte {text.BytesConsumed} (around row {row}); save the file as UTF-8 or choose its encoding explicitly"),
                e);
        }
    }

    private Outcome TryParse(bool atEnd)
    {
        var chars = text.Chars;
        var end = text.End;
        var p = next;
        if (p >= end)
        {
            return atEnd ? Outcome.NoRecord : Outcome.NeedMore;
        }

        count = 0;
        while (true)
        {
            int fieldEnd;
            var isQuoted = p < end && chars[p] == '"';
            var searchFrom = p;
            if (isQuoted)
            {
                var q = p + 1;
                while (true)
                {
                    var quote = chars.AsSpan(q, end - q).IndexOf('"');
                    if (quote < 0)
                    {
                        return atEnd ? throw Unterminated(chars, p, end) : Outcome.NeedMore;
                    }

                    q += quote + 1;
                    if (q < end && chars[q] == '"')
                    {
                        q++;
                        continue;
                    }

                    if (q == end && !atEnd)
                    {
                        return Outcome.NeedMore; // the next char may be the second quote of ""
                    }

                    break;
                }

                searchFrom = q;
            }

            var found = chars.AsSpan(searchFrom, end - searchFrom).IndexOfAny(fieldEnds);
            if (found < 0 && !atEnd)
            {
                return Outcome.NeedMore;
            }

            fieldEnd = found < 0 ? end : searchFrom + found;
            Add(p, fieldEnd - p, isQuoted);
            p = fieldEnd;
            if (p == end)
            {
                next = end;
                return Outcome.Complete;
            }

            var c = chars[p];
            if (c == '\n')
            {
                next = p + 1;
                return Outcome.Complete;
            }

            if (c == '\r')
            {
                if (p + 1 < end)
                {
                    next = chars[p + 1] == '\n' ? p + 2 : p + 1;
                    return Outcome.Complete;
                }

                if (!atEnd)
                {
                    return Outcome.NeedMore; // CR at the buffer end may be half of CRLF
                }

                next = p + 1;
                return Outcome.Complete;
            }

            p++;
        }
    }

    private void Add(int start, int length, bool isQuoted)
    {
        if (count == starts.Length)
        {
            Array.Resize(ref starts, count * 2);
            Array.Resize(ref lengths, count * 2);
            Array.Resize(ref quoted, count * 2);
        }

        starts[count] = start;
        lengths[count] = length;
        quoted[count] = isQuoted;
        count++;
    }

    /// <summary>Turns each quoted field's raw text into its value in place (the value is never longer).</summary>
    private void Unescape()
    {
        var chars = text.Chars;
        for (var i = 0; i < count; i++)
        {
            if (!quoted[i])
            {
                continue;
            }

            var start = starts[i];
            var end = start + lengths[i];
            var write = start;
            var inQuotes = true;
            for (var read = start + 1; read < end; read++)
            {
                var c = chars[read];
                if (inQuotes && c == '"')
                {
                    if (read + 1 < end && chars[read + 1] == '"')
                    {
                        chars[write++] = '"';
                        read++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    chars[write++] = c;
                }
            }

            lengths[i] = write - start;
        }
    }

    private TableFormatException Unterminated(char[] chars, int start, int end)
    {
        var shown = chars.AsSpan(start, Math.Min(24, end - start)).ToString().ReplaceLineEndings(" ");
        return TableFormatException.For(
            displayName,
            string.Create(CultureInfo.InvariantCulture, $"row {RowNumber + 1}, column {count + 1}: the quoted cell starting {shown}… is never closed, so the rest of the file would be read into it; close the quote (a quote inside a quoted cell is written \"\")"));
    }
}

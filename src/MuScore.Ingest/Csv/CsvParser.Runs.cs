namespace MuScore.Ingest;

/// <summary>
/// Runs of plain records: the decoded text of consecutive complete records that hold no quote
/// and no lone CR, taken whole so that a worker thread can split them. Such text has one reading
/// under every rule of <see cref="CsvParser"/> (no quoted cell, a record per LF or CRLF), so the
/// worker's cells are the ones <see cref="CsvParser.Read"/> would give. Anything else, and every
/// refill of the buffer, stays on <see cref="CsvParser.Read"/>: the decoding, its errors and
/// their byte offsets and row numbers are those of a record-by-record read.
/// </summary>
internal sealed partial class CsvParser
{
    // Where the next quote and the next lone CR (a CR not followed by LF) are at or after `next`,
    // found once per buffer fill (a scan per record would cost a whole buffer per quoted record);
    // -1 when not yet looked for since the last fill.
    private int quoteAt = -1;
    private int loneCrAt = -1;

    /// <summary>The decoded text; a run's chars are valid until the next <see cref="Read"/>.</summary>
    internal char[] Text => text.Chars;

    /// <summary>
    /// Takes up to <paramref name="maxRecords"/> plain records from the buffered text, without
    /// decoding more: their text is <see cref="Text"/>[<paramref name="start"/>, +<paramref name="length"/>),
    /// each record ended by LF or CRLF, and <see cref="RowNumber"/> moves past them. A run never
    /// ends with a blank record (a blank record is a row only when a non-blank one follows it, which
    /// <see cref="Read"/> finds out). False when the next record is not plain or not complete.
    /// </summary>
    internal bool TryTakeRun(int maxRecords, out int start, out int length, out int records)
    {
        start = next;
        length = 0;
        records = 0;
        var chars = text.Chars;
        var end = text.End;
        if (next >= end || maxRecords <= 0)
        {
            return false;
        }

        var limit = Math.Min(NextQuote(chars, end), NextLoneCr(chars, end));
        var p = next;
        var lastStart = next;
        while (records < maxRecords)
        {
            var lineEnd = chars.AsSpan(p, limit - p).IndexOf('\n');
            if (lineEnd < 0)
            {
                break;
            }

            lastStart = p;
            p += lineEnd + 1;
            records++;
        }

        while (records > 0 && IsBlankLine(chars.AsSpan(lastStart, p - lastStart), Delimiter))
        {
            p = lastStart;
            records--;
            lastStart = records == 0 ? next : next + chars.AsSpan(next, p - 1 - next).LastIndexOf('\n') + 1;
        }

        if (records == 0)
        {
            return false;
        }

        length = p - next;
        next = p;
        RowNumber += records;
        return true;
    }

    /// <summary>Whether a delimiter other than '"', CR and LF lets plain runs be split by the delimiter alone.</summary>
    internal bool CanTakeRuns => Delimiter is not ('"' or '\r' or '\n');

    /// <summary>Whether a record's text (line end included) holds only delimiters and white space: every cell blank.</summary>
    internal static bool IsBlankLine(ReadOnlySpan<char> line, char delimiter)
    {
        foreach (var c in line)
        {
            if (c != delimiter && !char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private void ForgetRunStops()
    {
        quoteAt = -1;
        loneCrAt = -1;
    }

    private int NextQuote(char[] chars, int end)
    {
        if (quoteAt < next)
        {
            var found = chars.AsSpan(next, end - next).IndexOf('"');
            quoteAt = found < 0 ? end : next + found;
        }

        return quoteAt;
    }

    /// <summary>A CR followed by LF ends a record as LF does; any other CR (or one at the buffer's end, whose LF may not be decoded yet) stops a run.</summary>
    private int NextLoneCr(char[] chars, int end)
    {
        if (loneCrAt < next)
        {
            var p = next;
            while (true)
            {
                var found = chars.AsSpan(p, end - p).IndexOf('\r');
                if (found < 0)
                {
                    loneCrAt = end;
                    break;
                }

                p += found;
                if (p + 1 < end && chars[p + 1] == '\n')
                {
                    p += 2;
                    continue;
                }

                loneCrAt = p;
                break;
            }
        }

        return loneCrAt;
    }
}

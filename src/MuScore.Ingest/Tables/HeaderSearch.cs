using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>A record read ahead while looking for the header: its row number and cells.</summary>
internal sealed record BufferedRecord(int RowNumber, string[] Cells);

/// <summary>
/// Finds the header row of an input table, CSV or sheet alike, as exports really come
/// (docs/input-format.md, "Header row"):
/// <list type="bullet">
/// <item>title rows above the header ("2024年度亩均效益评价数据") are skipped: the header is the first
/// of the first <see cref="MaxScanned"/> non-blank records that names every required field;</item>
/// <item>a two-row header, a group row ("经济指标") over the names ("实缴税金（万元）"), with the other
/// names merged down from the group row, is read as one: a blank header cell takes the name in
/// the record directly above, when that record names at least one field;</item>
/// <item>likewise a record directly below the header that adds field names only under blank or
/// unnamed header cells is the second row of the header, not data.</item>
/// </list>
/// When no record names every required field, the one naming the most fields (the first on a tie,
/// the first non-blank record when none names any) is the header, and <see cref="HeaderMap"/> says
/// what it lacks. Records read past the header are handed back to be read as data.
/// </summary>
internal static class HeaderSearch
{
    /// <summary>Non-blank records looked at before giving up on finding a complete header.</summary>
    public const int MaxScanned = 10;

    private static readonly Field[] Required = FieldCatalog.All.Where(f => f.Required).Select(f => f.Field).ToArray();

    /// <summary>Reads up to the header; returns its row, its cells and the records read past it.</summary>
    public static (int RowNumber, string[] Headers, List<BufferedRecord> Pending) Find(ITableSource source, string displayName)
    {
        var records = new List<BufferedRecord>();
        var found = -1;
        while (records.Count < MaxScanned && source.Read())
        {
            if (source.IsBlankRecord())
            {
                continue;
            }

            records.Add(Copy(source));
            if (NamesAllRequired(Combined(records, records.Count - 1)))
            {
                found = records.Count - 1;
                break;
            }
        }

        if (records.Count == 0)
        {
            throw TableFormatException.For(displayName, source.Format == "xlsx" ? "the worksheet is empty (no header row)" : "the file is empty (no header row)");
        }

        var header = found >= 0 ? found : Best(records);
        var headers = Combined(records, header);
        var rowNumber = records[header].RowNumber;
        if (header == records.Count - 1 && source.Read())
        {
            // One record past the header: the second row of a two-row header, or the first data row.
            if (!source.IsBlankRecord())
            {
                records.Add(Copy(source));
            }
        }

        if (header + 1 < records.Count && ContinuesHeader(headers, rowNumber, records[header + 1]))
        {
            headers = Below(headers, records[header + 1].Cells);
            rowNumber = records[header + 1].RowNumber;
            header++;
        }

        return (rowNumber, headers, records.GetRange(header + 1, records.Count - header - 1));
    }

    private static BufferedRecord Copy(ITableSource source)
    {
        var width = source.CellCount;
        while (width > 0 && source.Cell(width - 1).IsWhiteSpace())
        {
            width--;
        }

        var cells = new string[width];
        for (var i = 0; i < width; i++)
        {
            cells[i] = source.Cell(i).ToString();
        }

        return new BufferedRecord(source.RowNumber, cells);
    }

    /// <summary>Record <paramref name="index"/>'s cells, blank ones filled from the record directly above when that one names a field.</summary>
    private static string[] Combined(List<BufferedRecord> records, int index)
    {
        var cells = records[index].Cells;
        if (index == 0 || records[index - 1].RowNumber != records[index].RowNumber - 1 || Named(records[index - 1].Cells) == 0)
        {
            return cells;
        }

        var above = records[index - 1].Cells;
        var combined = new string[Math.Max(cells.Length, above.Length)];
        for (var i = 0; i < combined.Length; i++)
        {
            var own = i < cells.Length ? cells[i] : string.Empty;
            combined[i] = string.IsNullOrWhiteSpace(own) && i < above.Length ? above[i] : own;
        }

        return combined;
    }

    /// <summary>Whether <paramref name="next"/>, directly below, names fields only where the header has none.</summary>
    private static bool ContinuesHeader(string[] headers, int headerRow, BufferedRecord next)
    {
        if (next.RowNumber != headerRow + 1)
        {
            return false;
        }

        var adds = false;
        for (var i = 0; i < next.Cells.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(next.Cells[i]))
            {
                continue;
            }

            if ((i < headers.Length && FieldCatalog.Match(headers[i]) is not null) || FieldCatalog.Match(next.Cells[i]) is null)
            {
                return false; // a value under a named column, or a cell that names nothing: data
            }

            adds = true;
        }

        return adds;
    }

    private static string[] Below(string[] headers, string[] lower)
    {
        var combined = new string[Math.Max(headers.Length, lower.Length)];
        for (var i = 0; i < combined.Length; i++)
        {
            var own = i < lower.Length ? lower[i] : string.Empty;
            combined[i] = string.IsNullOrWhiteSpace(own) && i < headers.Length ? headers[i] : own;
        }

        return combined;
    }

    private static int Best(List<BufferedRecord> records)
    {
        var best = 0;
        var bestCount = 0;
        for (var i = 0; i < records.Count; i++)
        {
            var count = Named(Combined(records, i));
            if (count > bestCount)
            {
                (best, bestCount) = (i, count);
            }
        }

        return best;
    }

    private static int Named(string[] cells) => cells.Count(c => !string.IsNullOrWhiteSpace(c) && FieldCatalog.Match(c) is not null);

    private static bool NamesAllRequired(string[] cells)
    {
        var named = cells.Where(c => !string.IsNullOrWhiteSpace(c)).Select(FieldCatalog.Match).OfType<Field>().ToHashSet();
        return Required.All(named.Contains);
    }
}

using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>
/// Maps header cells to fields with <see cref="FieldCatalog.Match"/>. A file must name every
/// required field exactly once; headers that name no field are ignored and reported.
/// </summary>
internal sealed class HeaderMap
{
    private HeaderMap(int[] columnOf, List<string> ignored)
    {
        ColumnOf = columnOf;
        Ignored = ignored;
    }

    /// <summary>The column of each field (indexed by <see cref="Field"/>), -1 when absent.</summary>
    public int[] ColumnOf { get; }

    /// <summary>Headers naming no field, as in the file; a blank one as "(blank, column E)".</summary>
    public List<string> Ignored { get; }

    /// <summary>Builds the map; throws <see cref="TableFormatException"/> for missing required or duplicate columns.</summary>
    public static HeaderMap Build(ITableSource source, string[] headers, int headerRow, string displayName)
    {
        var columnOf = new int[FieldCatalog.Count];
        Array.Fill(columnOf, -1);
        var ignored = new List<string>();
        for (var column = 0; column < headers.Length; column++)
        {
            if (string.IsNullOrWhiteSpace(headers[column]))
            {
                ignored.Add($"(blank, {source.ColumnName(column)})");
                continue;
            }

            if (FieldCatalog.Match(headers[column]) is not { } field)
            {
                ignored.Add(headers[column]);
                continue;
            }

            var earlier = columnOf[(int)field];
            if (earlier >= 0)
            {
                var info = FieldCatalog.Get(field);
                throw TableFormatException.For(
                    displayName,
                    $"headers {HeaderRow.Describe(source, headers, earlier)} and {HeaderRow.Describe(source, headers, column)} both name the field {info.Name} ({info.ChineseName}); keep one of them");
            }

            columnOf[(int)field] = column;
        }

        var missing = FieldCatalog.All.Where(f => f.Required && columnOf[(int)f.Field] < 0).Select(f => $"{f.Name} ({f.ChineseName})").ToList();
        if (missing.Count > 0)
        {
            var found = headers.Length == 0 ? "none" : string.Join(", ", headers.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => $"'{h.Trim()}'"));
            throw TableFormatException.For(
                displayName,
                $"the header row (row {headerRow}) lacks the required column{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}; headers found: {found}. Accepted header names are listed in docs/input-format.md");
        }

        return new HeaderMap(columnOf, ignored);
    }
}

using System.Globalization;
using MuScore.Core.History;
using MuScore.Core.Rating;
using MuScore.Core.Records;

namespace MuScore.Ingest;

/// <summary>
/// Reads earlier ratings outputs (ratings.csv or .xlsx) into a <see cref="RatingHistory"/> for
/// consecutive_d_years. Required columns: year, region, credit_code, status, class; others are
/// ignored. History must be trustworthy, so nothing is guessed: any bad row is an error.
/// </summary>
public static class HistoryReader
{
    private static readonly string[] Columns = ["year", "region", "credit_code", "status", "class"];

    /// <summary>
    /// Loads every file; a key (region, credit code, year) may repeat only with the same outcome.
    /// Throws <see cref="TableFormatException"/> naming file, row and column for any bad row.
    /// </summary>
    public static RatingHistory Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var history = new RatingHistory();
        var origins = new Dictionary<(string Region, string Code, int Year), string>();
        foreach (var path in paths)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            Load(stream, path, history, origins);
        }

        return history;
    }

    /// <summary>Adds one history table held in a stream (the caller keeps the stream).</summary>
    internal static void Load(Stream stream, string displayName, RatingHistory history, Dictionary<(string Region, string Code, int Year), string> origins)
    {
        using var source = TableReader.OpenSource(stream, ownsStream: false, displayName, null);
        var (headerRow, headers) = HeaderRow.Read(source, displayName);
        var columns = MapColumns(source, headers, headerRow, displayName);
        var rows = new HistoryRowReader(source, headers, columns, displayName);
        var last = headerRow;
        while (source.Read())
        {
            if (source.IsBlankRecord())
            {
                continue; // trailing blank rows are no rows; a blank row inside is reported below
            }

            if (source.RowNumber > last + 1)
            {
                throw TableFormatException.For(displayName, string.Create(CultureInfo.InvariantCulture, $"row {last + 1} is blank; a history file may not have blank rows"));
            }

            last = source.RowNumber;
            if (rows.Read() is not { } row)
            {
                continue;
            }

            var key = (row.Region, row.Code, row.Year);
            var where = string.Create(CultureInfo.InvariantCulture, $"{displayName} row {source.RowNumber}");
            if (history.Find(row.Region, row.Code, row.Year) is { } earlier)
            {
                if (earlier != new HistoryEntry(row.Status, row.Class))
                {
                    throw TableFormatException.For(
                        displayName,
                        string.Create(CultureInfo.InvariantCulture, $"row {source.RowNumber}: credit_code {row.Code} in region {row.Region} for {row.Year} is {Describe(row.Status, row.Class)} here but {Describe(earlier.Status, earlier.Class)} in {origins[key]}"));
                }

                continue;
            }

            history.Add(row.Region, row.Code, row.Year, row.Status, row.Class);
            origins[key] = where;
        }
    }

    private static int[] MapColumns(ITableSource source, string[] headers, int headerRow, string displayName)
    {
        var columns = new int[Columns.Length];
        Array.Fill(columns, -1);
        for (var column = 0; column < headers.Length; column++)
        {
            var index = Array.IndexOf(Columns, FieldCatalog.NormaliseHeader(headers[column]) switch
            {
                "creditcode" => "credit_code",
                var other => other,
            });
            if (index < 0)
            {
                continue;
            }

            if (columns[index] >= 0)
            {
                throw TableFormatException.For(displayName, $"headers {HeaderRow.Describe(source, headers, columns[index])} and {HeaderRow.Describe(source, headers, column)} both name the history column {Columns[index]}");
            }

            columns[index] = column;
        }

        var missing = Columns.Where((_, i) => columns[i] < 0).ToList();
        if (missing.Count > 0)
        {
            throw TableFormatException.For(
                displayName,
                string.Create(CultureInfo.InvariantCulture, $"is not a ratings history file: the header row (row {headerRow}) lacks {string.Join(", ", missing)}; headers found: {string.Join(", ", headers.Select(h => $"'{h.Trim()}'"))}"));
        }

        return columns;
    }

    private static string Describe(RowStatus status, RatingClass? ratingClass) =>
        ratingClass is { } c ? $"{status.Code()} {c}" : status.Code();
}

using System.Globalization;
using MuScore.Core.Records;
using MuScore.Ingest;
using MuScore.Server.Errors;
using MuScore.Server.Security;

namespace MuScore.Server.Evaluation;

/// <summary>
/// Takes the rows of an uploaded table as the reader validates them, in row order: the record
/// limit and the caller's right to each row's region, as <see cref="RecordChecker"/> does for
/// records, then keeps the row as record n (data row n of the table, blank rows included), so
/// the rows are rated and numbered as the same records sent one by one would be. The file's row
/// of record n is n + <see cref="RowOffset"/>.
/// </summary>
internal sealed class TableRowChecker(Caller caller, int maxRecords) : IRowSink
{
    private int? offset;

    public IntakeRows Rows { get; } = new();

    /// <summary>The file row of record n is n + this (the header's last row; 1 for a header on row 1); 0 before the first row.</summary>
    public int RowOffset => offset ?? 0;

    public void Add(ParsedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (Rows.Count == maxRecords)
        {
            throw RpcErrors.TooManyRecords(maxRecords);
        }

        var record = Rows.Count + 1;
        offset ??= row.RowNumber - record;

        // The reader numbers every data row, blank ones too: one row after another.
        if (row.RowNumber != record + offset)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"row {row.RowNumber} does not follow row {record - 1 + offset}"));
        }

        // The cell as the record path reads it: trimmed, and blank gives no region to check.
        var region = row.RegionText ?? string.Empty;
        if (region.Length > 0 && !caller.MayActOn(region))
        {
            throw RpcErrors.RegionDenied(caller.Id, string.Create(CultureInfo.InvariantCulture, $"record[{record}].region"), region);
        }

        Rows.AddNext(row);
    }
}

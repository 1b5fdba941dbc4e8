using MuScore.Contracts.V1;
using MuScore.Core.Records;
using MuScore.Ingest;
using ProtoRecord = MuScore.Contracts.V1.EnterpriseRecord;

namespace MuScore.Cli.Publishing;

/// <summary>
/// A table row as the proto record the server validates: every cell's raw text, untouched, so
/// that the server's validation and input hash are the file's.
/// </summary>
internal static class RecordMapper
{
    /// <summary>A field's tag (up to 2 bytes) and length (a varint of up to 5).</summary>
    private const int FieldOverhead = 7;

    /// <summary>
    /// Whether the record can carry the row faithfully: not when it has cells right of the last
    /// header column, a problem only the reader sees.
    /// </summary>
    public static bool CanSend(ITableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.TableProblems.Count == 0;
    }

    /// <summary>The record for a row that <see cref="CanSend"/>; a blank row becomes an all-empty record, which the server rejects as blank_row.</summary>
    public static ProtoRecord ToProto(ITableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return EnterpriseRecordFields.FromCells(field => Text(row, field));
    }

    /// <summary>
    /// At least the record's serialized size inside a batch, from its texts' lengths alone: a UTF-16
    /// unit is at most 3 UTF-8 bytes, and a field's tag and length at most 7 bytes, the record's own
    /// as much. Cheaper than <c>CalculateSize</c>, which encodes every string once more before the
    /// batch is serialized (and does again then).
    /// </summary>
    public static int SizeBound(ProtoRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var bound = FieldOverhead;
        for (var i = 0; i < FieldCatalog.Count; i++)
        {
            bound += FieldOverhead + (3 * EnterpriseRecordFields.Get(record, (Field)i).Length);
        }

        return bound;
    }

    /// <summary>The (credit code, region) pair the duplicate rule compares: both trimmed, as the core reads them.</summary>
    public static (string Code, string Region) Key(ITableRow row) =>
        (row.Cell(Field.CreditCode).Trim().ToString(), row.Cell(Field.Region).Trim().ToString());

    private static string Text(ITableRow row, Field field)
    {
        var cell = row.Cell(field);
        return cell.IsEmpty ? string.Empty : cell.ToString();
    }
}

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

    /// <summary>The (credit code, region) pair the duplicate rule compares: both trimmed, as the core reads them.</summary>
    public static (string Code, string Region) Key(ITableRow row) =>
        (row.Cell(Field.CreditCode).Trim().ToString(), row.Cell(Field.Region).Trim().ToString());

    private static string Text(ITableRow row, Field field)
    {
        var cell = row.Cell(field);
        return cell.IsEmpty ? string.Empty : cell.ToString();
    }
}

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
        return new ProtoRecord
        {
            CreditCode = Text(row, Field.CreditCode),
            Name = Text(row, Field.Name),
            Region = Text(row, Field.Region),
            Industry = Text(row, Field.Industry),
            Scale = Text(row, Field.Scale),
            LandOwnMu = Text(row, Field.LandOwnMu),
            LandLeasedInMu = Text(row, Field.LandLeasedInMu),
            LandLeasedOutMu = Text(row, Field.LandLeasedOutMu),
            Tax = Text(row, Field.Tax),
            ValueAdded = Text(row, Field.ValueAdded),
            Revenue = Text(row, Field.Revenue),
            EnergyTce = Text(row, Field.EnergyTce),
            Electricity = Text(row, Field.Electricity),
            Water = Text(row, Field.Water),
            Cod = Text(row, Field.Cod),
            Nh3N = Text(row, Field.Nh3n),
            So2 = Text(row, Field.So2),
            Nox = Text(row, Field.Nox),
            Employees = Text(row, Field.Employees),
            Rd = Text(row, Field.Rd),
            FixedAssetInvestment = Text(row, Field.FixedAssetInvestment),
            InConstruction = Text(row, Field.InConstruction),
            ProductionStart = Text(row, Field.ProductionStart),
            MajorIncident = Text(row, Field.MajorIncident),
            FailsStandards = Text(row, Field.FailsStandards),
            BonusPoints = Text(row, Field.BonusPoints),
            PenaltyPoints = Text(row, Field.PenaltyPoints),
        };
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

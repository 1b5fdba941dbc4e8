using MuScore.Core.Records;
using ProtoRecord = MuScore.Contracts.V1.EnterpriseRecord;

namespace MuScore.Server.Mapping;

/// <summary>
/// A streamed <see cref="ProtoRecord"/> as a raw row, so that gRPC input is validated and hashed
/// exactly like a file row (every field is cell text). <see cref="RowNumber"/> is the
/// record's 1-based position in the stream plus one (as if the stream were a table under a
/// header row), so that a rejected record's number is its position in the stream.
/// </summary>
internal sealed class ProtoRecordRow(ProtoRecord record, int recordNumber) : IRawRow
{
    public int RowNumber { get; } = recordNumber + 1;

    /// <summary>An all-default message: every text empty.</summary>
    public bool IsBlank
    {
        get
        {
            // A plain loop: this runs once per record of a million-record upload.
            for (var i = 0; i < FieldCatalog.Count; i++)
            {
                if (Text((Field)i).Length > 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    public ReadOnlySpan<char> Cell(Field field) => Text(field);

    private string Text(Field field) => field switch
    {
        Field.CreditCode => record.CreditCode,
        Field.Name => record.Name,
        Field.Region => record.Region,
        Field.Industry => record.Industry,
        Field.Scale => record.Scale,
        Field.LandOwnMu => record.LandOwnMu,
        Field.LandLeasedInMu => record.LandLeasedInMu,
        Field.LandLeasedOutMu => record.LandLeasedOutMu,
        Field.Tax => record.Tax,
        Field.ValueAdded => record.ValueAdded,
        Field.Revenue => record.Revenue,
        Field.EnergyTce => record.EnergyTce,
        Field.Electricity => record.Electricity,
        Field.Water => record.Water,
        Field.Cod => record.Cod,
        Field.Nh3n => record.Nh3N,
        Field.So2 => record.So2,
        Field.Nox => record.Nox,
        Field.Employees => record.Employees,
        Field.Rd => record.Rd,
        Field.FixedAssetInvestment => record.FixedAssetInvestment,
        Field.InConstruction => record.InConstruction,
        Field.ProductionStart => record.ProductionStart,
        Field.MajorIncident => record.MajorIncident,
        Field.FailsStandards => record.FailsStandards,
        Field.BonusPoints => record.BonusPoints,
        Field.PenaltyPoints => record.PenaltyPoints,
        _ => string.Empty,
    };
}

using MuScore.Core.Records;

namespace MuScore.Contracts.V1;

/// <summary>
/// The proto <see cref="EnterpriseRecord"/> field by field, in the core's <see cref="Field"/> terms:
/// one mapping for every client that builds records from cells and for the server that reads them.
/// </summary>
public static class EnterpriseRecordFields
{
    /// <summary>A record whose every field is the text <paramref name="cell"/> gives for it.</summary>
    public static EnterpriseRecord FromCells(Func<Field, string> cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var record = new EnterpriseRecord();
        for (var i = 0; i < FieldCatalog.Count; i++)
        {
            Set(record, (Field)i, cell((Field)i));
        }

        return record;
    }

    /// <summary>The text of one field.</summary>
    public static string Get(EnterpriseRecord record, Field field)
    {
        ArgumentNullException.ThrowIfNull(record);
        return field switch
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

    /// <summary>Sets the text of one field.</summary>
    public static void Set(EnterpriseRecord record, Field field, string value)
    {
        ArgumentNullException.ThrowIfNull(record);
        switch (field)
        {
            case Field.CreditCode: record.CreditCode = value; break;
            case Field.Name: record.Name = value; break;
            case Field.Region: record.Region = value; break;
            case Field.Industry: record.Industry = value; break;
            case Field.Scale: record.Scale = value; break;
            case Field.LandOwnMu: record.LandOwnMu = value; break;
            case Field.LandLeasedInMu: record.LandLeasedInMu = value; break;
            case Field.LandLeasedOutMu: record.LandLeasedOutMu = value; break;
            case Field.Tax: record.Tax = value; break;
            case Field.ValueAdded: record.ValueAdded = value; break;
            case Field.Revenue: record.Revenue = value; break;
            case Field.EnergyTce: record.EnergyTce = value; break;
            case Field.Electricity: record.Electricity = value; break;
            case Field.Water: record.Water = value; break;
            case Field.Cod: record.Cod = value; break;
            case Field.Nh3n: record.Nh3N = value; break;
            case Field.So2: record.So2 = value; break;
            case Field.Nox: record.Nox = value; break;
            case Field.Employees: record.Employees = value; break;
            case Field.Rd: record.Rd = value; break;
            case Field.FixedAssetInvestment: record.FixedAssetInvestment = value; break;
            case Field.InConstruction: record.InConstruction = value; break;
            case Field.ProductionStart: record.ProductionStart = value; break;
            case Field.MajorIncident: record.MajorIncident = value; break;
            case Field.FailsStandards: record.FailsStandards = value; break;
            case Field.BonusPoints: record.BonusPoints = value; break;
            case Field.PenaltyPoints: record.PenaltyPoints = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "unknown field");
        }
    }
}

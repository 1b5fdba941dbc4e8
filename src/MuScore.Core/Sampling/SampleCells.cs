using System.Globalization;
using MuScore.Core.Records;

namespace MuScore.Core.Sampling;

/// <summary>Writes a sample record as the text cells a county spreadsheet would hold, in canonical field order.</summary>
internal static class SampleCells
{
    public static string[] From(EnterpriseRecord record, bool chinese, int dateStyle)
    {
        var cells = new string[FieldCatalog.Count];
        cells[(int)Field.CreditCode] = record.CreditCode;
        cells[(int)Field.Name] = record.Name ?? string.Empty;
        cells[(int)Field.Region] = record.Region;
        cells[(int)Field.Industry] = record.Industry;
        cells[(int)Field.Scale] = (record.Scale, chinese) switch
        {
            (Scale.Above, true) => "规上",
            (Scale.Below, true) => "规下",
            (Scale.Above, false) => "ABOVE",
            _ => "BELOW",
        };
        cells[(int)Field.LandOwnMu] = Number(record.LandOwnMu);
        cells[(int)Field.LandLeasedInMu] = record.LandLeasedInMu == 0m ? string.Empty : Number(record.LandLeasedInMu);
        cells[(int)Field.LandLeasedOutMu] = record.LandLeasedOutMu == 0m ? string.Empty : Number(record.LandLeasedOutMu);
        cells[(int)Field.Tax] = Number(record.Tax);
        cells[(int)Field.ValueAdded] = Number(record.ValueAdded);
        cells[(int)Field.Revenue] = Number(record.Revenue);
        cells[(int)Field.EnergyTce] = Number(record.EnergyTce);
        cells[(int)Field.Electricity] = Number(record.Electricity);
        cells[(int)Field.Water] = Number(record.Water);
        cells[(int)Field.Cod] = Number(record.Cod);
        cells[(int)Field.Nh3n] = Number(record.Nh3n);
        cells[(int)Field.So2] = Number(record.So2);
        cells[(int)Field.Nox] = Number(record.Nox);
        cells[(int)Field.Employees] = Number(record.Employees);
        cells[(int)Field.Rd] = Number(record.Rd);
        cells[(int)Field.FixedAssetInvestment] = Number(record.FixedAssetInvestment);
        cells[(int)Field.InConstruction] = Boolean(record.InConstruction, chinese);
        cells[(int)Field.ProductionStart] = Date(record.ProductionStart, dateStyle);
        cells[(int)Field.MajorIncident] = Boolean(record.MajorIncident, chinese);
        cells[(int)Field.FailsStandards] = Boolean(record.FailsStandards, chinese);
        cells[(int)Field.BonusPoints] = record.BonusPoints == 0m ? string.Empty : Number(record.BonusPoints);
        cells[(int)Field.PenaltyPoints] = record.PenaltyPoints == 0m ? string.Empty : Number(record.PenaltyPoints);
        return cells;
    }

    public static string Number(decimal? value) =>
        value?.ToString("0.######", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Boolean(bool value, bool chinese) => (value, chinese) switch
    {
        (true, true) => "是",
        (false, true) => "否",
        (true, false) => "true",
        _ => "false",
    };

    /// <summary>Style 0: 2019-05-06, 1: 2019/5/6, 2: 20190506 (all accepted forms of docs/method.md §10).</summary>
    private static string Date(DateOnly? date, int dateStyle) => date switch
    {
        null => string.Empty,
        { } d when dateStyle == 1 => d.ToString("yyyy'/'M'/'d", CultureInfo.InvariantCulture),
        { } d when dateStyle == 2 => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
        { } d => d.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture),
    };
}

using MuScore.Core.Indicators;
using MuScore.Core.Records;

namespace MuScore.Core.Scoring;

/// <summary>The formulas of docs/method.md §4 as numerator and denominator.</summary>
internal static class IndicatorFractions
{
    public static Fraction Of(EnterpriseRecord r, Indicator indicator, decimal land) => indicator switch
    {
        Indicator.TaxPerMu => Fraction.Of(r.Tax, land, zeroIsMissing: false),
        Indicator.VaPerMu => Fraction.Of(r.ValueAdded, land, zeroIsMissing: false),
        Indicator.RevenuePerMu => Fraction.Of(r.Revenue, land, zeroIsMissing: false),
        Indicator.VaPerEnergy => Fraction.Of(r.ValueAdded, r.EnergyTce, zeroIsMissing: false),
        Indicator.VaPerEmission => Fraction.Of(r.ValueAdded, Emissions(r), zeroIsMissing: false),
        Indicator.VaPerCod => Fraction.Of(r.ValueAdded, r.Cod, zeroIsMissing: false),
        Indicator.VaPerWater => Fraction.Of(r.ValueAdded, r.Water, zeroIsMissing: false),
        Indicator.TaxPerKwh => Fraction.Of(r.Tax, r.Electricity, zeroIsMissing: false),
        Indicator.TaxPerEnergy => Fraction.Of(r.Tax, r.EnergyTce, zeroIsMissing: false),

        // An employees or revenue denominator of 0 is missing data, not a perfect score (docs/method.md §5).
        Indicator.LabourProductivity => Fraction.Of(r.ValueAdded, r.Employees, zeroIsMissing: true),
        Indicator.RdIntensity => Fraction.Of(r.Rd, r.Revenue, zeroIsMissing: true),
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "unknown indicator"),
    };

    /// <summary>cod + nh3n + so2 + nox; missing when any of the four is blank (docs/method.md §10).</summary>
    private static decimal? Emissions(EnterpriseRecord r) =>
        r.Cod is { } cod && r.Nh3n is { } nh3n && r.So2 is { } so2 && r.Nox is { } nox ? cod + nh3n + so2 + nox : null;
}

using MuScore.Core.Records;

namespace MuScore.Core.Tests.Builders;

/// <summary>
/// Fluent builder of valid enterprise records: every default is a plausible ABOVE-scale
/// manufacturer with every field reported, so a test only states what it is about.
/// </summary>
internal sealed class EnterpriseBuilder
{
    /// <summary>Linhai, the seed city.</summary>
    public const string DefaultRegion = "331082";

    private readonly int serial;
    private EnterpriseRecord record;

    private EnterpriseBuilder(int serial)
    {
        this.serial = serial;
        record = new EnterpriseRecord
        {
            CreditCode = CreditCodes.Make(serial),
            Name = $"Enterprise {serial}",
            Region = DefaultRegion,
            Industry = "C3670",
            Division = 36,
            Scale = MuScore.Core.Records.Scale.Above,
            LandOwnMu = 10m,
            Tax = 100m,
            ValueAdded = 500m,
            Revenue = 2000m,
            EnergyTce = 400m,
            Electricity = 300m,
            Water = 20000m,
            Cod = 1m,
            Nh3n = 0.2m,
            So2 = 0.5m,
            Nox = 0.8m,
            Employees = 100m,
            Rd = 40m,
        };
    }

    /// <summary>A builder whose credit code is <see cref="CreditCodes.Make"/> of the serial.</summary>
    public static EnterpriseBuilder Create(int serial) => new(serial);

    public EnterpriseBuilder Code(string creditCode) => Set(record with { CreditCode = creditCode });

    /// <summary>Moves the enterprise to a region, re-making its code there so codes stay unique per region.</summary>
    public EnterpriseBuilder Region(string region) =>
        Set(record with { Region = region, CreditCode = CreditCodes.Make(serial, region) });

    public EnterpriseBuilder Industry(string industry)
    {
        var digits = char.IsAsciiLetter(industry[0]) ? industry[1..] : industry;
        return Set(record with { Industry = industry, Division = int.Parse(digits[..2], System.Globalization.CultureInfo.InvariantCulture) });
    }

    public EnterpriseBuilder Below() => Set(record with { Scale = MuScore.Core.Records.Scale.Below });

    public EnterpriseBuilder Scale(Scale scale) => Set(record with { Scale = scale });

    /// <summary>Own land only; leased parts 0.</summary>
    public EnterpriseBuilder Land(decimal own) => Set(record with { LandOwnMu = own, LandLeasedInMu = 0m, LandLeasedOutMu = 0m });

    public EnterpriseBuilder Land(decimal own, decimal leasedIn, decimal leasedOut) =>
        Set(record with { LandOwnMu = own, LandLeasedInMu = leasedIn, LandLeasedOutMu = leasedOut });

    public EnterpriseBuilder Tax(decimal tax) => Set(record with { Tax = tax });

    public EnterpriseBuilder ValueAdded(decimal? valueAdded) => Set(record with { ValueAdded = valueAdded });

    public EnterpriseBuilder Revenue(decimal? revenue) => Set(record with { Revenue = revenue });

    public EnterpriseBuilder Energy(decimal? tce) => Set(record with { EnergyTce = tce });

    public EnterpriseBuilder Electricity(decimal? electricity) => Set(record with { Electricity = electricity });

    public EnterpriseBuilder Water(decimal? water) => Set(record with { Water = water });

    public EnterpriseBuilder Pollutants(decimal? cod, decimal? nh3n, decimal? so2, decimal? nox) =>
        Set(record with { Cod = cod, Nh3n = nh3n, So2 = so2, Nox = nox });

    public EnterpriseBuilder Employees(decimal? employees) => Set(record with { Employees = employees });

    public EnterpriseBuilder Rd(decimal? rd) => Set(record with { Rd = rd });

    /// <summary>In its construction period with this fixed-asset investment (万元).</summary>
    public EnterpriseBuilder Construction(decimal investment) =>
        Set(record with { InConstruction = true, FixedAssetInvestment = investment });

    /// <summary>Investment reported but not in a construction period.</summary>
    public EnterpriseBuilder Investment(decimal investment) =>
        Set(record with { InConstruction = false, FixedAssetInvestment = investment });

    public EnterpriseBuilder ProductionStart(DateOnly? start) => Set(record with { ProductionStart = start });

    public EnterpriseBuilder MajorIncident() => Set(record with { MajorIncident = true });

    public EnterpriseBuilder FailsStandards() => Set(record with { FailsStandards = true });

    public EnterpriseBuilder Points(decimal bonus, decimal penalty) => Set(record with { BonusPoints = bonus, PenaltyPoints = penalty });

    public EnterpriseRecord Build() => record;

    private EnterpriseBuilder Set(EnterpriseRecord next)
    {
        record = next;
        return this;
    }
}

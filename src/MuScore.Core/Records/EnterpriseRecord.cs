using System.Diagnostics.CodeAnalysis;

namespace MuScore.Core.Records;

/// <summary>
/// One enterprise-year, validated (docs/method.md §2 and §10). A null number means "not reported";
/// blank land parts and points are read as 0 and blank booleans as false before they get here.
/// </summary>
/// <remarks>
/// The 18 figures are held packed (<see cref="PackedDecimal"/>), 4 bytes each, and the scale,
/// the date and the flags in 6 more: a run holds a million records at once (the server's
/// SubmitRun, <c>muscore rate</c>), and as plain decimals their figures alone took 384 of a
/// record's 480 bytes (144 bytes a record now). Equality compares the figures as decimals (12.5
/// equals 12.50), as it did before they were packed.
/// </remarks>
public sealed record EnterpriseRecord
{
    private uint landOwnMu, landLeasedInMu, landLeasedOutMu, tax, valueAdded, revenue, energyTce, electricity, water;
    private uint cod, nh3n, so2, nox, employees, rd, fixedAssetInvestment, bonusPoints, penaltyPoints;
    private decimal[]? overflow;

    // DayNumber + 1 of the production start; 0 when there is none.
    private int productionStart;
    private byte scale;

    /// <summary>Creates a record for the init properties to fill.</summary>
    public EnterpriseRecord()
    {
    }

    /// <summary>
    /// A record whose 18 figures come already packed (<see cref="PackedDecimal"/>), in the order of
    /// <see cref="Field"/> (land own first, penalty points last; the three booleans and the date
    /// between them are not figures): the parser's path, which builds no decimal for a short figure.
    /// </summary>
    [SetsRequiredMembers]
    internal EnterpriseRecord(string creditCode, string region, string industry, int division, Scale scale, ReadOnlySpan<uint> figures, decimal[]? overflow)
    {
        CreditCode = creditCode;
        Region = region;
        Industry = industry;
        Division = division;
        Scale = scale;
        (landOwnMu, landLeasedInMu, landLeasedOutMu, tax, valueAdded, revenue) = (figures[0], figures[1], figures[2], figures[3], figures[4], figures[5]);
        (energyTce, electricity, water, cod, nh3n, so2) = (figures[6], figures[7], figures[8], figures[9], figures[10], figures[11]);
        (nox, employees, rd, fixedAssetInvestment, bonusPoints, penaltyPoints) = (figures[12], figures[13], figures[14], figures[15], figures[16], figures[17]);
        this.overflow = overflow;
    }

    /// <summary>Unified social credit code, trimmed and check-verified.</summary>
    public required string CreditCode { get; init; }

    /// <summary>Enterprise name; optional.</summary>
    public string? Name { get; init; }

    /// <summary>Six-digit administrative region code of the evaluating county or district.</summary>
    public required string Region { get; init; }

    /// <summary>GB/T 4754 industry code as given (e.g. "C3670" or "3670").</summary>
    public required string Industry { get; init; }

    /// <summary>The two-digit GB/T 4754 division of <see cref="Industry"/>.</summary>
    public required int Division { get; init; }

    /// <summary>Above or below designated size.</summary>
    public required Scale Scale { get => (Scale)scale; init => scale = checked((byte)value); }

    /// <summary>Own land, 亩.</summary>
    public decimal LandOwnMu { get => Plain(landOwnMu); init => landOwnMu = Pack(value); }

    /// <summary>Land leased in, 亩.</summary>
    public decimal LandLeasedInMu { get => Plain(landLeasedInMu); init => landLeasedInMu = Pack(value); }

    /// <summary>Land leased out, 亩.</summary>
    public decimal LandLeasedOutMu { get => Plain(landLeasedOutMu); init => landLeasedOutMu = Pack(value); }

    /// <summary>Evaluated land = own + leased in − leased out, exact in decimal; above 0 once validated.</summary>
    public decimal LandMu => LandOwnMu + LandLeasedInMu - LandLeasedOutMu;

    /// <summary>Taxes actually paid, 万元.</summary>
    public required decimal Tax { get => Plain(tax); init => tax = Pack(value); }

    /// <summary>Industrial value added, 万元; may be negative.</summary>
    public decimal? ValueAdded { get => Unpack(valueAdded); init => valueAdded = Pack(value); }

    /// <summary>Revenue, 万元.</summary>
    public decimal? Revenue { get => Unpack(revenue); init => revenue = Pack(value); }

    /// <summary>Comprehensive energy use, tonnes of standard coal (等价值).</summary>
    public decimal? EnergyTce { get => Unpack(energyTce); init => energyTce = Pack(value); }

    /// <summary>Electricity use, 万kWh.</summary>
    public decimal? Electricity { get => Unpack(electricity); init => electricity = Pack(value); }

    /// <summary>Water use, tonnes.</summary>
    public decimal? Water { get => Unpack(water); init => water = Pack(value); }

    /// <summary>COD discharge, tonnes.</summary>
    public decimal? Cod { get => Unpack(cod); init => cod = Pack(value); }

    /// <summary>Ammonia nitrogen discharge, tonnes.</summary>
    public decimal? Nh3n { get => Unpack(nh3n); init => nh3n = Pack(value); }

    /// <summary>SO₂ emission, tonnes.</summary>
    public decimal? So2 { get => Unpack(so2); init => so2 = Pack(value); }

    /// <summary>NOx emission, tonnes.</summary>
    public decimal? Nox { get => Unpack(nox); init => nox = Pack(value); }

    /// <summary>Annual average employees.</summary>
    public decimal? Employees { get => Unpack(employees); init => employees = Pack(value); }

    /// <summary>R&amp;D expenditure, 万元.</summary>
    public decimal? Rd { get => Unpack(rd); init => rd = Pack(value); }

    /// <summary>Fixed-asset investment excluding land cost, 万元 (construction-period rules).</summary>
    public decimal? FixedAssetInvestment { get => Unpack(fixedAssetInvestment); init => fixedAssetInvestment = Pack(value); }

    /// <summary>Whether a project is in its construction period.</summary>
    public bool InConstruction { get; init; }

    /// <summary>Production start date; null means established.</summary>
    public DateOnly? ProductionStart
    {
        get => productionStart == 0 ? null : DateOnly.FromDayNumber(productionStart - 1);
        init => productionStart = value is { } date ? date.DayNumber + 1 : 0;
    }

    /// <summary>Major safety or environmental incident (one-vote veto).</summary>
    public bool MajorIncident { get; init; }

    /// <summary>Fails energy, environment, quality or safety standards (one-vote veto).</summary>
    public bool FailsStandards { get; init; }

    /// <summary>Bonus points already adjudicated by departments.</summary>
    public decimal BonusPoints { get => Plain(bonusPoints); init => bonusPoints = Pack(value); }

    /// <summary>Penalty points already adjudicated by departments.</summary>
    public decimal PenaltyPoints { get => Plain(penaltyPoints); init => penaltyPoints = Pack(value); }

    /// <summary>Value equality over every property, figures compared as decimals.</summary>
    public bool Equals(EnterpriseRecord? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (CreditCode == other.CreditCode && Name == other.Name && Region == other.Region && Industry == other.Industry
                && Division == other.Division && Scale == other.Scale
                && LandOwnMu == other.LandOwnMu && LandLeasedInMu == other.LandLeasedInMu && LandLeasedOutMu == other.LandLeasedOutMu
                && Tax == other.Tax && ValueAdded == other.ValueAdded && Revenue == other.Revenue && EnergyTce == other.EnergyTce
                && Electricity == other.Electricity && Water == other.Water && Cod == other.Cod && Nh3n == other.Nh3n
                && So2 == other.So2 && Nox == other.Nox && Employees == other.Employees && Rd == other.Rd
                && FixedAssetInvestment == other.FixedAssetInvestment && InConstruction == other.InConstruction
                && ProductionStart == other.ProductionStart && MajorIncident == other.MajorIncident
                && FailsStandards == other.FailsStandards && BonusPoints == other.BonusPoints && PenaltyPoints == other.PenaltyPoints));

    /// <summary>A hash consistent with <see cref="Equals(EnterpriseRecord?)"/> (decimal hashes ignore the scale).</summary>
    public override int GetHashCode() => HashCode.Combine(CreditCode, Region, Industry, Scale, Tax, ValueAdded, LandMu, Name);

    private decimal Plain(uint packed) => PackedDecimal.Unpack(packed, overflow) ?? 0m;

    private decimal? Unpack(uint packed) => PackedDecimal.Unpack(packed, overflow);

    private uint Pack(decimal? value) => PackedDecimal.Pack(value, ref overflow);
}

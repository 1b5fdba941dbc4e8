namespace MuScore.Core.Records;

/// <summary>
/// One enterprise-year, validated (docs/method.md §2 and §10). A null number means "not reported";
/// blank land parts and points are read as 0 and blank booleans as false before they get here.
/// </summary>
public sealed record EnterpriseRecord
{
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
    public required Scale Scale { get; init; }

    /// <summary>Own land, 亩.</summary>
    public decimal LandOwnMu { get; init; }

    /// <summary>Land leased in, 亩.</summary>
    public decimal LandLeasedInMu { get; init; }

    /// <summary>Land leased out, 亩.</summary>
    public decimal LandLeasedOutMu { get; init; }

    /// <summary>Evaluated land = own + leased in − leased out, exact in decimal; above 0 once validated.</summary>
    public decimal LandMu => LandOwnMu + LandLeasedInMu - LandLeasedOutMu;

    /// <summary>Taxes actually paid, 万元.</summary>
    public required decimal Tax { get; init; }

    /// <summary>Industrial value added, 万元; may be negative.</summary>
    public decimal? ValueAdded { get; init; }

    /// <summary>Revenue, 万元.</summary>
    public decimal? Revenue { get; init; }

    /// <summary>Comprehensive energy use, tonnes of standard coal (等价值).</summary>
    public decimal? EnergyTce { get; init; }

    /// <summary>Electricity use, 万kWh.</summary>
    public decimal? Electricity { get; init; }

    /// <summary>Water use, tonnes.</summary>
    public decimal? Water { get; init; }

    /// <summary>COD discharge, tonnes.</summary>
    public decimal? Cod { get; init; }

    /// <summary>Ammonia nitrogen discharge, tonnes.</summary>
    public decimal? Nh3n { get; init; }

    /// <summary>SO₂ emission, tonnes.</summary>
    public decimal? So2 { get; init; }

    /// <summary>NOx emission, tonnes.</summary>
    public decimal? Nox { get; init; }

    /// <summary>Annual average employees.</summary>
    public decimal? Employees { get; init; }

    /// <summary>R&amp;D expenditure, 万元.</summary>
    public decimal? Rd { get; init; }

    /// <summary>Fixed-asset investment excluding land cost, 万元 (construction-period rules).</summary>
    public decimal? FixedAssetInvestment { get; init; }

    /// <summary>Whether a project is in its construction period.</summary>
    public bool InConstruction { get; init; }

    /// <summary>Production start date; null means established.</summary>
    public DateOnly? ProductionStart { get; init; }

    /// <summary>Major safety or environmental incident (one-vote veto).</summary>
    public bool MajorIncident { get; init; }

    /// <summary>Fails energy, environment, quality or safety standards (one-vote veto).</summary>
    public bool FailsStandards { get; init; }

    /// <summary>Bonus points already adjudicated by departments.</summary>
    public decimal BonusPoints { get; init; }

    /// <summary>Penalty points already adjudicated by departments.</summary>
    public decimal PenaltyPoints { get; init; }
}

namespace MuScore.Core.Records;

/// <summary>The columns of one enterprise-year input record (docs/method.md §2), in canonical order.</summary>
public enum Field
{
    CreditCode,
    Name,
    Region,
    Industry,
    Scale,
    LandOwnMu,
    LandLeasedInMu,
    LandLeasedOutMu,
    Tax,
    ValueAdded,
    Revenue,
    EnergyTce,
    Electricity,
    Water,
    Cod,
    Nh3n,
    So2,
    Nox,
    Employees,
    Rd,
    FixedAssetInvestment,
    InConstruction,
    ProductionStart,
    MajorIncident,
    FailsStandards,
    BonusPoints,
    PenaltyPoints,
}

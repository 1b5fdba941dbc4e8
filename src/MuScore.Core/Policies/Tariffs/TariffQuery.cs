namespace MuScore.Core.Policies;

/// <summary>"What surcharge applies to this enterprise for this utility on this billing date?"</summary>
/// <param name="CreditCode">The enterprise billed.</param>
/// <param name="Region">Its 6-digit region: selects the policies.</param>
/// <param name="Utility">Electricity, water or gas.</param>
/// <param name="BillingDate">The billing date: selects the policy sections and the rating in force.</param>
/// <param name="Quantity">Optional metered quantity (kWh or m³) to price; ≥ 0.</param>
public sealed record TariffQuery(string CreditCode, string Region, Utility Utility, DateOnly BillingDate, decimal? Quantity = null)
{
    /// <summary>Every problem with the query; empty when valid.</summary>
    public IReadOnlyList<InputProblem> Validate()
    {
        var problems = new List<InputProblem>();
        RequestChecks.CreditCodeField(problems, "credit_code", CreditCode);
        RequestChecks.RegionField(problems, "region", Region);
        if (!Enum.IsDefined(Utility))
        {
            problems.Add(new("utility", "utility must be ELECTRICITY, WATER or GAS"));
        }

        RequestChecks.Amount(problems, "quantity", Quantity);
        return problems;
    }
}

/// <summary>"What land-use tax relief applies to this enterprise on this date?"</summary>
/// <param name="CreditCode">The enterprise.</param>
/// <param name="Region">Its 6-digit region.</param>
/// <param name="Date">The assessment date: selects the sections and the rating in force.</param>
/// <param name="AssessedTaxYuan">Optional land-use tax assessed (元) to compute the relief amount; ≥ 0.</param>
public sealed record TaxReliefQuery(string CreditCode, string Region, DateOnly Date, decimal? AssessedTaxYuan = null)
{
    /// <summary>Every problem with the query; empty when valid.</summary>
    public IReadOnlyList<InputProblem> Validate()
    {
        var problems = new List<InputProblem>();
        RequestChecks.CreditCodeField(problems, "credit_code", CreditCode);
        RequestChecks.RegionField(problems, "region", Region);
        RequestChecks.Amount(problems, "assessed_tax_yuan", AssessedTaxYuan);
        return problems;
    }
}

using MuScore.Core.Records;

namespace MuScore.Core.Policies;

/// <summary>Names the publication facts were read from (run id, version, year), so a list can be audited.</summary>
/// <param name="Region">6-digit region.</param>
/// <param name="Year">Evaluated year.</param>
/// <param name="Version">Publication version.</param>
/// <param name="RunId">The rating run.</param>
public sealed record PublicationRef(string Region, int Year, int Version, string RunId);

/// <summary>One enterprise's figures from a published rating (money in 万元, land in mu).</summary>
public sealed record EnterpriseFact
{
    /// <summary>Credit code.</summary>
    public required string CreditCode { get; init; }

    /// <summary>Name, if known.</summary>
    public string? Name { get; init; }

    /// <summary>规上 or 规下.</summary>
    public required Scale Scale { get; init; }

    /// <summary>GB/T 4754 two-digit division (manufacturing is 13–43).</summary>
    public required int Division { get; init; }

    /// <summary>Revenue; null when not reported.</summary>
    public decimal? RevenueWan { get; init; }

    /// <summary>Tax actually paid.</summary>
    public required decimal TaxWan { get; init; }

    /// <summary>Value added (may be negative); null when not reported.</summary>
    public decimal? ValueAddedWan { get; init; }

    /// <summary>Average employees; null when not reported.</summary>
    public decimal? Employees { get; init; }

    /// <summary>Evaluated land, exact; &gt; 0.</summary>
    public required decimal LandMu { get; init; }
}

/// <summary>Every enterprise fact of one publication of a region.</summary>
/// <param name="Publication">The publication they come from.</param>
/// <param name="Enterprises">One fact per enterprise.</param>
public sealed record RegionFacts(PublicationRef Publication, IReadOnlyList<EnterpriseFact> Enterprises)
{
    /// <summary>Every problem with the facts; empty when valid.</summary>
    public IReadOnlyList<InputProblem> Validate()
    {
        var problems = new List<InputProblem>();
        RequestChecks.RegionField(problems, "publication.region", Publication.Region);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Enterprises.Count; i++)
        {
            var path = RequestChecks.Item("enterprises", i);
            var fact = Enterprises[i];
            RequestChecks.CreditCodeField(problems, $"{path}.credit_code", fact.CreditCode);
            if (fact.CreditCode is not null && !seen.Add(fact.CreditCode))
            {
                problems.Add(new($"{path}.credit_code", $"credit code {fact.CreditCode} appears twice"));
            }

            if (fact.Division is < 1 or > 99)
            {
                problems.Add(new($"{path}.division", "division must be a 2-digit GB/T 4754 division between 1 and 99"));
            }

            RequestChecks.Amount(problems, $"{path}.land_mu", fact.LandMu, positive: true);
            RequestChecks.Amount(problems, $"{path}.tax_wan", fact.TaxWan);
            RequestChecks.Amount(problems, $"{path}.revenue_wan", fact.RevenueWan);
            RequestChecks.Amount(problems, $"{path}.employees", fact.Employees);
            if (fact.ValueAddedWan is { } va && Math.Abs(va) > RequestChecks.MaxMagnitude)
            {
                problems.Add(new($"{path}.value_added_wan", "value_added_wan must be within ±10^12"));
            }
        }

        return problems;
    }
}

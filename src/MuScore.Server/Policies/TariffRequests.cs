using System.Globalization;
using MuScore.Core.Policies;
using MuScore.Server.Validation;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Policies;

/// <summary>Validates and maps the tariff requests; each method throws INVALID_ARGUMENT listing every violation.</summary>
internal static class TariffRequests
{
    /// <summary>
    /// The most quotes one QuoteTariffs call answers: what fits a default client's 4 MB receive
    /// limit with room to spare. The largest preset quote (QUOTED, shandong-2022's three rows)
    /// is 1,059 bytes with the policy listed once per answer, so 2,500 make 2.6 MB; each further
    /// row a configured policy adds costs about 230 bytes a quote (QuoteTariffsSizeTests).
    /// </summary>
    public const int MaxItems = 2_500;

    public static TariffQuery ToQuery(Proto.QuoteTariffRequest request)
    {
        var violations = new Violations();
        var query = ToQuery(violations, request, string.Empty);
        violations.ThrowIfAny();
        return query;
    }

    public static IReadOnlyList<TariffQuery> ToQueries(Proto.QuoteTariffsRequest request)
    {
        var violations = new Violations();
        var items = request.Items;
        if (items.Count == 0)
        {
            violations.Add("items", FieldRules.Required, "at least one item is required");
        }
        else if (items.Count > MaxItems)
        {
            violations.Add("items", FieldRules.TooMany, string.Create(CultureInfo.InvariantCulture, $"{items.Count} items exceed the limit of {MaxItems} per call"));
        }

        violations.ThrowIfAny();
        var queries = new TariffQuery[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            queries[i] = ToQuery(violations, items[i], string.Create(CultureInfo.InvariantCulture, $"items[{i}]."));
        }

        violations.ThrowIfAny();
        return queries;
    }

    /// <summary>Proto UTILITY_ELECTRICITY (1) is the core's Electricity (0); UNSPECIFIED becomes an undefined value the core rejects.</summary>
    public static Utility ToCore(Proto.Utility utility) => (Utility)((int)utility - 1);

    public static Proto.Utility ToProto(Utility utility) => (Proto.Utility)((int)utility + 1);

    private static TariffQuery ToQuery(Violations violations, Proto.QuoteTariffRequest request, string prefix)
    {
        var date = WireFields.Date(violations, prefix + "billing_date", request.BillingDate);
        var quantity = WireFields.OptionalDecimal(violations, prefix + "quantity", request.HasQuantity, request.Quantity);
        var query = new TariffQuery(request.CreditCode, request.Region, ToCore(request.Utility), date, quantity);
        WireFields.Add(violations, query.Validate(), prefix);
        return query;
    }
}

using MuScore.Core.Rating;
using MuScore.Core.Schemes;

namespace MuScore.Core.Policies;

/// <summary>Reads <c>tariffs[]</c> and <c>tax_reliefs[]</c> sections.</summary>
internal static class TariffReader
{
    public static readonly string[] TariffNames = [.. PolicyFields.SectionNames, "utility", "surcharges"];
    public static readonly string[] ReliefNames = [.. PolicyFields.SectionNames, "reliefs"];
    private static readonly string[] SurchargeNames = ["class", "min_consecutive_d_years", "yuan_per_unit"];
    private static readonly string[] ReliefStepNames = ["class", "percent"];

    public static TariffSection? ReadTariff(JsonObjectReader reader, List<SchemeError> errors)
    {
        var (clause, period) = PolicyFields.Section(reader);
        var utilityKnown = reader.TryToken<Utility>("utility", null, PolicyJsonTokens.Utilities, out var utility);
        var steps = Steps(reader, "surcharges", SurchargeNames, errors, ReadSurcharge);
        return clause is null || period is null || !utilityKnown
            ? null
            : new TariffSection { Clause = clause, Period = period.Value, Utility = utility, Surcharges = steps };
    }

    public static TaxReliefSection? ReadRelief(JsonObjectReader reader, List<SchemeError> errors)
    {
        var (clause, period) = PolicyFields.Section(reader);
        var steps = Steps(reader, "reliefs", ReliefStepNames, errors, ReadReliefStep);
        return clause is null || period is null ? null : new TaxReliefSection { Clause = clause, Period = period.Value, Reliefs = steps };
    }

    private static List<RateStep> Steps(
        JsonObjectReader reader, string name, string[] known, List<SchemeError> errors, Func<JsonObjectReader, List<SchemeError>, RateStep?> read)
    {
        var steps = PolicyFields.Objects(reader, name, required: true, allowEmpty: false, known, errors, read);
        for (var i = 0; i < steps.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (steps[i] with { Value = 0m } == steps[j] with { Value = 0m })
                {
                    reader.Error(name, $"two entries have class {steps[i].Class} and min_consecutive_d_years {steps[i].MinConsecutiveDYears}");
                }
            }
        }

        return steps;
    }

    private static RateStep? ReadSurcharge(JsonObjectReader reader, List<SchemeError> errors)
    {
        var classKnown = reader.TryToken<RatingClass>("class", null, PolicyJsonTokens.Classes, out var rating);
        if (reader.TryInt("min_consecutive_d_years", 0, out var years))
        {
            if (years is < 0 or > 100)
            {
                reader.Error("min_consecutive_d_years", "min_consecutive_d_years must be between 0 and 100");
            }
            else if (classKnown && rating != RatingClass.D && years != 0)
            {
                reader.Error("min_consecutive_d_years", $"min_consecutive_d_years must be 0 for class {rating}: consecutive_d_years is 0 unless the class is D");
            }
        }

        var value = PolicyFields.Decimal(reader, "yuan_per_unit", min: 0m, exclusive: true);
        return new RateStep(rating, years, value);
    }

    private static RateStep? ReadReliefStep(JsonObjectReader reader, List<SchemeError> errors) =>
        new(reader.TryToken<RatingClass>("class", null, PolicyJsonTokens.Classes, out var rating) ? rating : default, 0,
            PolicyFields.Decimal(reader, "percent", min: 0m, exclusive: true, max: 100m));
}

using MuScore.Core.Policies;
using MuScore.Server.Mapping;
using MuScore.Server.Validation;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Policies;

/// <summary>The land-use tax relief request and answer on the wire.</summary>
internal static class TaxReliefMapper
{
    /// <summary>Validates and maps; throws INVALID_ARGUMENT listing every violation.</summary>
    public static TaxReliefQuery ToCore(Proto.QuoteTaxReliefRequest request)
    {
        var violations = new Violations();
        var date = WireFields.Date(violations, "date", request.Date);
        var assessed = WireFields.OptionalDecimal(violations, "assessed_tax_yuan", request.HasAssessedTaxYuan, request.AssessedTaxYuan);
        var query = new TaxReliefQuery(request.CreditCode, request.Region, date, assessed);
        WireFields.Add(violations, query.Validate(), string.Empty);
        violations.ThrowIfAny();
        return query;
    }

    public static Proto.TaxReliefQuote ToProto(TaxReliefQuote quote)
    {
        var message = new Proto.TaxReliefQuote
        {
            CreditCode = quote.Query.CreditCode,
            Region = quote.Query.Region,
            Date = PolicyMapper.Date(quote.Query.Date),
            Status = PolicyMapper.ToProto(quote.Status),
            ReliefPercent = DecimalText.Format(quote.ReliefPercent),
            Explanation = quote.Explanation,
        };
        if (quote.ReliefAmount is { } amount)
        {
            message.ReliefAmount = DecimalText.Format(amount);
        }

        if (quote.Rating is { } rating)
        {
            message.Rating = PolicyMapper.ToProto(rating);
            message.RatingClass = RatingMapper.ToProto(rating.Class);
        }

        if (quote.Applied is { } applied)
        {
            message.Policy = PolicyMapper.ToProto(applied.Policy);
            message.Clause = applied.Clause;
            message.Citation = applied.Citation;
        }

        message.Candidates.AddRange(quote.Candidates.Select(PolicyMapper.ToProto));
        return message;
    }
}

using System.Globalization;
using MuScore.Core.Policies;
using MuScore.Server.Mapping;
using MuScore.Server.Validation;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Policies;

/// <summary>CheckLandTransfer in (validated, INVALID_ARGUMENT on any violation) and out.</summary>
internal static class LandMapper
{
    public static LandTransferRequest ToCore(Proto.CheckLandTransferRequest request)
    {
        var violations = new Violations();
        var parcels = new Parcel[request.Parcels.Count];
        for (var i = 0; i < parcels.Length; i++)
        {
            parcels[i] = ToCore(violations, request.Parcels[i], string.Create(CultureInfo.InvariantCulture, $"parcels[{i}]."));
        }

        var core = new LandTransferRequest
        {
            TransferDate = WireFields.Date(violations, "transfer_date", request.TransferDate),
            Region = request.Region,
            ReceiverCreditCode = request.ReceiverCreditCode,

            // UNSPECIFIED becomes an undefined kind the core's validator rejects.
            Kind = (TransferKind)((int)request.Kind - 1),
            Parcels = parcels,
            Split = request.Split is { } split ? ToCore(violations, split) : null,
        };
        WireFields.Add(violations, core.Validate());
        violations.ThrowIfAny();
        return core;
    }

    public static Proto.LandTransferDecision ToProto(LandTransferDecision decision)
    {
        var message = new Proto.LandTransferDecision
        {
            Outcome = decision.Outcome switch
            {
                LandOutcome.Allow => Proto.LandOutcome.Allow,
                LandOutcome.Deny => Proto.LandOutcome.Deny,
                _ => Proto.LandOutcome.Review,
            },
            Policy = PolicyMapper.ToProto(decision.Policy),
            Summary = decision.Summary,
        };
        if (decision.ReceiverRating is { } rating)
        {
            message.ReceiverRating = PolicyMapper.ToProto(rating);
        }

        if (decision.MergedTermEndDate is { } end)
        {
            message.MergedTermEndDate = PolicyMapper.Date(end);
        }

        if (decision.MergedRemainingTermYears is { } years)
        {
            message.MergedRemainingTermYears = DecimalText.Format(years);
        }

        message.Rules.AddRange(decision.Rules.Select(PolicyMapper.ToProto));
        message.Obligations.AddRange(decision.Obligations.Select(o => new Proto.LandObligation
        {
            ParcelId = o.ParcelId,
            Indicator = ToProto(o.Indicator),
            Text = o.Text,
        }));
        return message;
    }

    /// <summary>The answer when no land rules of the region are in force on the date.</summary>
    public static Proto.LandTransferDecision NoPolicy(LandTransferRequest request) => new()
    {
        Outcome = Proto.LandOutcome.NoPolicyInForce,
        Summary = $"No land transfer rules of region {request.Region} are in force on {PolicyMapper.Date(request.TransferDate)}: nothing was decided.",
    };

    private static Parcel ToCore(Violations violations, Proto.Parcel parcel, string path) => new()
    {
        Id = parcel.Id,
        AreaMu = WireFields.Decimal(violations, path + "area_mu", parcel.AreaMu),
        Completed = parcel.Completed,
        InProduction = parcel.InProduction,
        SplitBefore = parcel.SplitBefore,
        MergedBefore = parcel.MergedBefore,
        IndustrialRealEstate = parcel.IndustrialRealEstate,
        OwnershipType = parcel.OwnershipType,
        UseRight = parcel.UseRight,
        TermEndDate = WireFields.OptionalDate(violations, path + "term_end_date", parcel.HasTermEndDate, parcel.TermEndDate),
        RemainingTermYears = WireFields.OptionalDecimal(violations, path + "remaining_term_years", parcel.HasRemainingTermYears, parcel.RemainingTermYears),
        AdjacentParcelIds = [.. parcel.AdjacentParcelIds],
        StandardLand = parcel.StandardLand,
        StandardLandIndicators = [.. parcel.StandardLandIndicators.Select((indicator, i) => new StandardLandIndicator(
            indicator.Name,
            WireFields.Decimal(violations, string.Create(CultureInfo.InvariantCulture, $"{path}standard_land_indicators[{i}].value"), indicator.Value),
            indicator.Unit))],
    };

    private static SplitPlan ToCore(Violations violations, Proto.SplitPlan split) => new()
    {
        ResultingAreasMu = [.. split.ResultingAreasMu.Select((area, i) =>
            WireFields.Decimal(violations, string.Create(CultureInfo.InvariantCulture, $"split.resulting_areas_mu[{i}]"), area))],
        ByWholeBuildings = split.ByWholeBuildings,
        OfficeLivingLand = split.OfficeLivingLand switch
        {
            Proto.OfficeLivingLand.KeptWithOneParcel => OfficeLivingLand.KeptWithOneParcel,
            Proto.OfficeLivingLand.Divided => OfficeLivingLand.Divided,
            _ => OfficeLivingLand.None,
        },
    };

    private static Proto.StandardLandIndicator ToProto(StandardLandIndicator indicator) => new()
    {
        Name = indicator.Name,
        Value = DecimalText.Format(indicator.Value),
        Unit = indicator.Unit,
    };
}

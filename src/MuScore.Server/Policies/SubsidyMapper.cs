using System.Globalization;
using MuScore.Core.Policies;
using MuScore.Server.Mapping;
using MuScore.Server.Validation;
using Proto = MuScore.Contracts.V1;

namespace MuScore.Server.Policies;

/// <summary>AssessSubsidy in (validated, INVALID_ARGUMENT on any violation) and out.</summary>
internal static class SubsidyMapper
{
    public static SubsidyRequest ToCore(Proto.AssessSubsidyRequest request)
    {
        var violations = new Violations();
        var date = WireFields.Date(violations, "date", request.Date);
        SubsidyRequest? core = request.ApplicationCase switch
        {
            Proto.AssessSubsidyRequest.ApplicationOneofCase.EquipmentRenovation => Equipment(violations, request, date),
            Proto.AssessSubsidyRequest.ApplicationOneofCase.VerticalFactory => Vertical(violations, request, date),
            Proto.AssessSubsidyRequest.ApplicationOneofCase.DormitoryLand => Dormitory(violations, request, date),
            Proto.AssessSubsidyRequest.ApplicationOneofCase.QuotaTransfer => new QuotaTransferRequest
            {
                CreditCode = request.CreditCode,
                Region = request.Region,
                Date = date,
                TargetCreditCode = request.QuotaTransfer.TargetCreditCode,
                TargetTwoHighOneLow = request.QuotaTransfer.TargetTwoHighOneLow,
                RegisteredAndTaxedLocally = request.QuotaTransfer.RegisteredAndTaxedLocally,
            },
            _ => null,
        };
        if (core is null)
        {
            violations.Add("application", FieldRules.Required,
                "one application is required: equipment_renovation, vertical_factory, dormitory_land or quota_transfer");
        }
        else
        {
            foreach (var problem in core.Validate())
            {
                violations.Add(FieldPath(request.ApplicationCase, problem.Field), WireFields.InvalidValue, problem.Message);
            }
        }

        violations.ThrowIfAny();
        return core!;
    }

    public static Proto.SubsidyAssessment ToProto(SubsidyAssessment assessment)
    {
        var message = new Proto.SubsidyAssessment
        {
            Kind = assessment.Kind.Code(),
            Outcome = assessment.Outcome switch
            {
                SubsidyOutcome.Eligible => Proto.SubsidyOutcome.Eligible,
                SubsidyOutcome.NotEligible => Proto.SubsidyOutcome.NotEligible,
                SubsidyOutcome.Review => Proto.SubsidyOutcome.Review,
                _ => Proto.SubsidyOutcome.NoPolicyInForce,
            },
            Summary = assessment.Summary,
        };
        if (assessment.Rating is { } rating)
        {
            message.Rating = PolicyMapper.ToProto(rating);
        }

        if (assessment.Policy is { } policy)
        {
            message.Policy = PolicyMapper.ToProto(policy);
        }

        if (assessment.AmountYuan is { } amount)
        {
            message.AmountYuan = DecimalText.Format(amount);
        }

        if (assessment.UncappedAmountYuan is { } uncapped)
        {
            message.UncappedAmountYuan = DecimalText.Format(uncapped);
        }

        if (assessment.CapYuan is { } cap)
        {
            message.CapYuan = DecimalText.Format(cap);
        }

        message.Entitlements.AddRange(assessment.Entitlements.Select(ToProto));
        message.Rules.AddRange(assessment.Rules.Select(PolicyMapper.ToProto));
        return message;
    }

    /// <summary>The common fields (credit_code, region) are top-level; the kind's own fields sit under its oneof member.</summary>
    private static string FieldPath(Proto.AssessSubsidyRequest.ApplicationOneofCase kind, string field) =>
        field is "credit_code" or "region"
            ? field
            : kind switch
            {
                Proto.AssessSubsidyRequest.ApplicationOneofCase.EquipmentRenovation => "equipment_renovation.",
                Proto.AssessSubsidyRequest.ApplicationOneofCase.VerticalFactory => "vertical_factory.",
                Proto.AssessSubsidyRequest.ApplicationOneofCase.DormitoryLand => "dormitory_land.",
                _ => "quota_transfer.",
            } + field;

    private static EquipmentRenovationRequest Equipment(Violations violations, Proto.AssessSubsidyRequest request, DateOnly date)
    {
        var e = request.EquipmentRenovation;
        const string path = "equipment_renovation.";
        return new()
        {
            CreditCode = request.CreditCode,
            Region = request.Region,
            Date = date,
            ProjectInvestmentWan = WireFields.Decimal(violations, path + "project_investment_wan", e.ProjectInvestmentWan),
            EquipmentInvestmentWan = WireFields.Decimal(violations, path + "equipment_investment_wan", e.EquipmentInvestmentWan),
            Cultivated2513 = e.Cultivated2513,
            LocalContributionGrowthPercent = WireFields.OptionalDecimal(violations, path + "local_contribution_growth_percent", e.HasLocalContributionGrowthPercent, e.LocalContributionGrowthPercent),
            RecognisedEquipmentInvestmentWan = WireFields.OptionalDecimal(violations, path + "recognised_equipment_investment_wan", e.HasRecognisedEquipmentInvestmentWan, e.RecognisedEquipmentInvestmentWan),
            OrdinaryGrantedBeforeWan = WireFields.OptionalDecimal(violations, path + "ordinary_granted_before_wan", e.HasOrdinaryGrantedBeforeWan, e.OrdinaryGrantedBeforeWan) ?? 0m,
        };
    }

    private static VerticalFactoryRequest Vertical(Violations violations, Proto.AssessSubsidyRequest request, DateOnly date)
    {
        var v = request.VerticalFactory;
        const string path = "vertical_factory.";
        return new()
        {
            CreditCode = request.CreditCode,
            Region = request.Region,
            Date = date,
            SelfOwnedAndUsed = v.SelfOwnedAndUsed,
            PlotRatioBefore = WireFields.Decimal(violations, path + "plot_ratio_before", v.PlotRatioBefore),
            PlotRatioAfter = WireFields.Decimal(violations, path + "plot_ratio_after", v.PlotRatioAfter),
            RenovatedFloorAreaM2 = WireFields.Decimal(violations, path + "renovated_floor_area_m2", v.RenovatedFloorAreaM2),
            TotalFloorAreaAfterM2 = WireFields.Decimal(violations, path + "total_floor_area_after_m2", v.TotalFloorAreaAfterM2),
            NewFloors = [.. v.NewFloors.Select((f, i) => new NewFloorArea(f.Floor,
                WireFields.Decimal(violations, string.Create(CultureInfo.InvariantCulture, $"{path}new_floors[{i}].area_m2"), f.AreaM2)))],
        };
    }

    private static DormitoryLandRequest Dormitory(Violations violations, Proto.AssessSubsidyRequest request, DateOnly date)
    {
        var d = request.DormitoryLand;
        const string path = "dormitory_land.";
        return new()
        {
            CreditCode = request.CreditCode,
            Region = request.Region,
            Date = date,
            InRentalHousingPriorityDistrict = d.InRentalHousingPriorityDistrict,
            InsidePark = d.InsidePark,
            ExistingProject = d.ExistingProject,
            LeadingEnterprise = d.LeadingEnterprise,
            ProjectLandMu = WireFields.Decimal(violations, path + "project_land_mu", d.ProjectLandMu),
            ProjectFloorAreaM2 = WireFields.OptionalDecimal(violations, path + "project_floor_area_m2", d.HasProjectFloorAreaM2, d.ProjectFloorAreaM2),
        };
    }

    private static Proto.Entitlement ToProto(Entitlement entitlement)
    {
        var message = new Proto.Entitlement { Code = entitlement.Code, Unit = entitlement.Unit ?? string.Empty, Description = entitlement.Description };
        if (entitlement.Value is { } value)
        {
            message.Value = DecimalText.Format(value);
        }

        return message;
    }
}

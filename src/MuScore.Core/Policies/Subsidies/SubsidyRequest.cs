namespace MuScore.Core.Policies;

/// <summary>An application for one subsidy or reward; one derived record per <see cref="SubsidyKind"/>.</summary>
public abstract record SubsidyRequest
{
    /// <summary>The applying enterprise (for (九), the acquirer).</summary>
    public required string CreditCode { get; init; }

    /// <summary>6-digit region whose policy applies.</summary>
    public required string Region { get; init; }

    /// <summary>The application date: selects the rules in force and the rating.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Which rule is applied for.</summary>
    public abstract SubsidyKind Kind { get; }

    /// <summary>Every problem with the request; empty when valid.</summary>
    public IReadOnlyList<InputProblem> Validate()
    {
        var problems = new List<InputProblem>();
        RequestChecks.CreditCodeField(problems, "credit_code", CreditCode);
        RequestChecks.RegionField(problems, "region", Region);
        CheckFields(problems);
        return problems;
    }

    /// <summary>Adds the problems of the kind's own fields.</summary>
    private protected abstract void CheckFields(List<InputProblem> problems);
}

/// <summary>(十) 技术改造: an equipment renovation project. Money in 万元.</summary>
public sealed record EquipmentRenovationRequest : SubsidyRequest
{
    /// <inheritdoc/>
    public override SubsidyKind Kind => SubsidyKind.EquipmentRenovation;

    /// <summary>Total project investment (项目投资), 万元.</summary>
    public required decimal ProjectInvestmentWan { get; init; }

    /// <summary>Equipment investment (装备/设备投资额), 万元.</summary>
    public required decimal EquipmentInvestmentWan { get; init; }

    /// <summary>A "2513" cultivated enterprise (“2513”培育企业).</summary>
    public bool Cultivated2513 { get; init; }

    /// <summary>Growth of its local economic contribution over the previous period (地方经济发展贡献环比增长), percent; null when not known.</summary>
    public decimal? LocalContributionGrowthPercent { get; init; }

    /// <summary>Recognised equipment investment (认定设备投资额) for the "2513" reward, 万元; null: the equipment investment.</summary>
    public decimal? RecognisedEquipmentInvestmentWan { get; init; }

    /// <summary>Ordinary-tier subsidy the enterprise already received (the 200 万元 cap is per enterprise), 万元.</summary>
    public decimal OrdinaryGrantedBeforeWan { get; init; }

    private protected override void CheckFields(List<InputProblem> problems)
    {
        RequestChecks.Amount(problems, "project_investment_wan", ProjectInvestmentWan);
        RequestChecks.Amount(problems, "equipment_investment_wan", EquipmentInvestmentWan);
        RequestChecks.Amount(problems, "recognised_equipment_investment_wan", RecognisedEquipmentInvestmentWan);
        RequestChecks.Amount(problems, "ordinary_granted_before_wan", OrdinaryGrantedBeforeWan);
        if (LocalContributionGrowthPercent is < -100m or > RequestChecks.MaxMagnitude)
        {
            problems.Add(new("local_contribution_growth_percent", "local_contribution_growth_percent must be at least -100"));
        }

        if (EquipmentInvestmentWan > ProjectInvestmentWan)
        {
            problems.Add(new("equipment_investment_wan", "equipment_investment_wan must not exceed project_investment_wan"));
        }
    }
}

/// <summary>(十四) 宿舍型保障性租赁住房: raising the office/living land share of a project.</summary>
public sealed record DormitoryLandRequest : SubsidyRequest
{
    /// <inheritdoc/>
    public override SubsidyKind Kind => SubsidyKind.DormitoryLand;

    /// <summary>In a city district that focuses on affordable rental housing (重点发展保障性租赁住房的城区).</summary>
    public bool InRentalHousingPriorityDistrict { get; init; }

    /// <summary>The project is inside an industrial park (产业园区内).</summary>
    public bool InsidePark { get; init; }

    /// <summary>An existing project (存量工业项目); false: a new one (新建).</summary>
    public bool ExistingProject { get; init; }

    /// <summary>A leading backbone enterprise (龙头骨干企业), needed outside parks.</summary>
    public bool LeadingEnterprise { get; init; }

    /// <summary>The project's land (项目总用地面积), mu.</summary>
    public required decimal ProjectLandMu { get; init; }

    /// <summary>The project's total floor area, m²; null when not known (then no floor-area figure is given).</summary>
    public decimal? ProjectFloorAreaM2 { get; init; }

    private protected override void CheckFields(List<InputProblem> problems)
    {
        RequestChecks.Amount(problems, "project_land_mu", ProjectLandMu, positive: true);
        RequestChecks.Amount(problems, "project_floor_area_m2", ProjectFloorAreaM2, positive: true);
    }
}

/// <summary>(九) 兼并重组: the applicant acquires a "两高一低" enterprise.</summary>
public sealed record QuotaTransferRequest : SubsidyRequest
{
    /// <inheritdoc/>
    public override SubsidyKind Kind => SubsidyKind.QuotaTransfer;

    /// <summary>Credit code of the enterprise acquired.</summary>
    public required string TargetCreditCode { get; init; }

    /// <summary>The target is a "两高一低" enterprise (high energy use, high emission, low efficiency).</summary>
    public bool TargetTwoHighOneLow { get; init; }

    /// <summary>After the reorganisation the enterprise stays registered and taxed in the city (注册地和税收仍在我市).</summary>
    public bool RegisteredAndTaxedLocally { get; init; }

    private protected override void CheckFields(List<InputProblem> problems)
    {
        RequestChecks.CreditCodeField(problems, "target_credit_code", TargetCreditCode);
        if (string.Equals(TargetCreditCode, CreditCode, StringComparison.Ordinal))
        {
            problems.Add(new("target_credit_code", "an enterprise cannot acquire itself"));
        }
    }
}

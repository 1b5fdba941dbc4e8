namespace MuScore.Core.Policies;

/// <summary>(十一) 垂直工业: a "零增地" renovation that builds up instead of out.</summary>
public sealed record VerticalFactoryRequest : SubsidyRequest
{
    /// <inheritdoc/>
    public override SubsidyKind Kind => SubsidyKind.VerticalFactory;

    /// <summary>The new floor area is self-owned and self-used (自有自用).</summary>
    public bool SelfOwnedAndUsed { get; init; }

    /// <summary>Plot ratio of the production buildings before the renovation (容积率); &gt; 0.</summary>
    public required decimal PlotRatioBefore { get; init; }

    /// <summary>Plot ratio after it.</summary>
    public required decimal PlotRatioAfter { get; init; }

    /// <summary>Floor area built by the renovation (“零增地”技改的建筑面积), m²: the tier-1 base.</summary>
    public required decimal RenovatedFloorAreaM2 { get; init; }

    /// <summary>Total floor area after the renovation (零地技改后总建筑面积), m²; &gt; 0.</summary>
    public required decimal TotalFloorAreaAfterM2 { get; init; }

    /// <summary>New production floor area by floor number: the tier-2 base (4th, 5th, 6th and higher floors earn).</summary>
    public IReadOnlyList<NewFloorArea> NewFloors { get; init; } = [];

    private protected override void CheckFields(List<InputProblem> problems)
    {
        RequestChecks.Amount(problems, "plot_ratio_before", PlotRatioBefore, positive: true);
        RequestChecks.Amount(problems, "plot_ratio_after", PlotRatioAfter);
        RequestChecks.Amount(problems, "renovated_floor_area_m2", RenovatedFloorAreaM2);
        RequestChecks.Amount(problems, "total_floor_area_after_m2", TotalFloorAreaAfterM2, positive: true);
        if (RenovatedFloorAreaM2 > TotalFloorAreaAfterM2)
        {
            problems.Add(new("renovated_floor_area_m2", "renovated_floor_area_m2 must not exceed total_floor_area_after_m2"));
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < NewFloors.Count; i++)
        {
            var path = RequestChecks.Item("new_floors", i);
            if (NewFloors[i].Floor is < 1 or > 200)
            {
                problems.Add(new($"{path}.floor", "floor must be a floor number between 1 and 200"));
            }
            else if (!seen.Add(NewFloors[i].Floor))
            {
                problems.Add(new($"{path}.floor", FormattableString.Invariant($"floor {NewFloors[i].Floor} is listed twice")));
            }

            RequestChecks.Amount(problems, $"{path}.area_m2", NewFloors[i].AreaM2, positive: true);
        }
    }
}

/// <summary>New production floor area on one floor.</summary>
/// <param name="Floor">Floor number, 1-based.</param>
/// <param name="AreaM2">Area, m².</param>
public sealed record NewFloorArea(int Floor, decimal AreaM2);

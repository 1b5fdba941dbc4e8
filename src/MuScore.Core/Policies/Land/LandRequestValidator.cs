namespace MuScore.Core.Policies;

/// <summary>Checks a <see cref="LandTransferRequest"/> is well formed (not whether the transfer is allowed).</summary>
internal static class LandRequestValidator
{
    public static IReadOnlyList<InputProblem> Validate(LandTransferRequest request)
    {
        var problems = new List<InputProblem>();
        RequestChecks.RegionField(problems, "region", request.Region);
        RequestChecks.CreditCodeField(problems, "receiver_credit_code", request.ReceiverCreditCode);
        if (!Enum.IsDefined(request.Kind))
        {
            problems.Add(new("kind", "kind must be WHOLE, SPLIT or MERGE"));
        }

        var parcels = request.Parcels ?? [];
        var (least, most) = request.Kind == TransferKind.Merge ? (2, int.MaxValue) : (1, 1);
        if (parcels.Count < least || parcels.Count > most)
        {
            problems.Add(new("parcels", request.Kind == TransferKind.Merge
                ? "a merge needs two or more parcels"
                : $"a {request.Kind.Code()} transfer needs exactly one parcel (has {parcels.Count})"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < parcels.Count; i++)
        {
            CheckParcel(problems, RequestChecks.Item("parcels", i), parcels[i], ids, request.Kind == TransferKind.Merge);
        }

        if (request.Kind == TransferKind.Merge && parcels.Count > 0
            && parcels.Select(p => p.TermEndDate is not null).Distinct().Count() > 1)
        {
            problems.Add(new("parcels", "give every merged parcel's remaining term in the same form: all term_end_date or all remaining_term_years"));
        }

        CheckSplit(problems, request, parcels);
        return problems;
    }

    private static void CheckParcel(List<InputProblem> problems, string path, Parcel parcel, HashSet<string> ids, bool merge)
    {
        if (string.IsNullOrWhiteSpace(parcel.Id))
        {
            problems.Add(new($"{path}.id", "id is required"));
        }
        else if (!ids.Add(parcel.Id))
        {
            problems.Add(new($"{path}.id", $"parcel id '{EchoedValue.Bound(parcel.Id)}' is used twice"));
        }

        RequestChecks.Amount(problems, $"{path}.area_mu", parcel.AreaMu, positive: true);
        if (string.IsNullOrWhiteSpace(parcel.OwnershipType))
        {
            problems.Add(new($"{path}.ownership_type", "ownership_type is required (权属性质, e.g. 国有)"));
        }

        if (string.IsNullOrWhiteSpace(parcel.UseRight))
        {
            problems.Add(new($"{path}.use_right", "use_right is required (使用权类型, e.g. 出让)"));
        }

        if (parcel.TermEndDate is not null && parcel.RemainingTermYears is not null)
        {
            problems.Add(new($"{path}.remaining_term_years", "give term_end_date or remaining_term_years, not both"));
        }
        else if (merge && parcel.TermEndDate is null && parcel.RemainingTermYears is null)
        {
            problems.Add(new($"{path}.term_end_date", "a merged parcel needs its remaining term: term_end_date or remaining_term_years"));
        }

        RequestChecks.Amount(problems, $"{path}.remaining_term_years", parcel.RemainingTermYears);
        if (parcel.StandardLand && parcel.StandardLandIndicators.Count == 0)
        {
            problems.Add(new($"{path}.standard_land_indicators", "a 标准地 parcel needs its original indicators"));
        }

        for (var i = 0; i < parcel.StandardLandIndicators.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(parcel.StandardLandIndicators[i].Name))
            {
                problems.Add(new($"{path}.{RequestChecks.Item("standard_land_indicators", i)}.name", "name is required"));
            }
        }
    }

    private static void CheckSplit(List<InputProblem> problems, LandTransferRequest request, IReadOnlyList<Parcel> parcels)
    {
        if (request.Kind != TransferKind.Split)
        {
            if (request.Split is not null)
            {
                problems.Add(new("split", $"split is only for SPLIT transfers, not {request.Kind.Code()}"));
            }

            return;
        }

        if (request.Split is not { } plan)
        {
            problems.Add(new("split", "a SPLIT transfer needs its split plan"));
            return;
        }

        if (plan.ResultingAreasMu.Count < 2)
        {
            problems.Add(new("split.resulting_areas_mu", "a split gives at least two parcels"));
        }

        for (var i = 0; i < plan.ResultingAreasMu.Count; i++)
        {
            RequestChecks.Amount(problems, $"split.{RequestChecks.Item("resulting_areas_mu", i)}", plan.ResultingAreasMu[i], positive: true);
        }

        if (!Enum.IsDefined(plan.OfficeLivingLand))
        {
            problems.Add(new("split.office_living_land", "office_living_land must be NONE, KEPT_WITH_ONE_PARCEL or DIVIDED"));
        }

        var total = plan.ResultingAreasMu.Where(a => a is > 0m and <= RequestChecks.MaxMagnitude).Sum();
        if (parcels.Count == 1 && parcels[0].AreaMu > 0m && problems.Count == 0 && total != parcels[0].AreaMu)
        {
            problems.Add(new("split.resulting_areas_mu",
                $"the resulting areas add up to {Money.Text(total)} mu, but parcel {parcels[0].Id} has {Money.Text(parcels[0].AreaMu)} mu"));
        }
    }
}

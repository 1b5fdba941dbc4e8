namespace MuScore.Core.Policies;

/// <summary>The split rules of clause (七): "拟分割地块应已竣工投产且以幢为最小分割单位,分割数量(工业地产除外)原则上不超过3宗且分割后每宗土地面积不少于10亩…".</summary>
internal static class LandSplitRules
{
    public static IEnumerable<RuleResult> Evaluate(LandTransferRequest request, LandRules rules)
    {
        var cite = rules.Citation;
        if (request.Kind != TransferKind.Split || request.Split is not { } plan)
        {
            var why = $"Not a split transfer ({request.Kind.Code()}).";
            foreach (var id in new[] { "land_split_completed", "land_split_whole_buildings", "land_split_max_parcels", "land_split_min_area", "land_split_office_land", "land_split_not_split_before", "land_split_not_merged_before" })
            {
                yield return new(id, RuleStatus.NotApplicable, why, cite);
            }

            yield break;
        }

        var parcel = request.Parcels[0];
        var ready = parcel.Completed && parcel.InProduction;
        yield return new("land_split_completed", ready ? RuleStatus.Passed : RuleStatus.Failed, ready
            ? $"Parcel {parcel.Id} is completed and in production (已竣工投产)."
            : $"Parcel {parcel.Id} is {(parcel.Completed ? "completed but not in production" : "not completed")}: only a parcel completed and in production may be split (拟分割地块应已竣工投产).", cite);

        yield return new("land_split_whole_buildings", plan.ByWholeBuildings ? RuleStatus.Passed : RuleStatus.Failed, plan.ByWholeBuildings
            ? "The split follows whole buildings (以幢为最小分割单位)."
            : "The split cuts through a building: the smallest unit of a split is a whole building (以幢为最小分割单位).", cite);

        var count = plan.ResultingAreasMu.Count;
        var max = rules.Section.MaxSplitParcels;
        yield return parcel.IndustrialRealEstate
            ? new("land_split_max_parcels", RuleStatus.NotApplicable, FormattableString.Invariant(
                $"Parcel {parcel.Id} is industrial real estate, which the {max}-parcel limit excepts (分割数量(工业地产除外)); it splits into {count}."), cite)
            : new("land_split_max_parcels", count <= max ? RuleStatus.Passed : RuleStatus.Failed, FormattableString.Invariant(
                $"The split gives {count} parcels; at most {max} are allowed (原则上不超过{max}宗)."), cite);

        var least = rules.Section.MinSplitParcelMu;
        var small = plan.ResultingAreasMu.Select((area, i) => (area, i)).Where(x => x.area < least).ToArray();
        yield return new("land_split_min_area", small.Length == 0 ? RuleStatus.Passed : RuleStatus.Failed, small.Length == 0
            ? $"Every resulting parcel has at least {Money.Text(least)} mu (smallest {Money.Text(plan.ResultingAreasMu.Min())} mu; 每宗土地面积不少于{Money.Text(least)}亩)."
            : $"Resulting parcel{(small.Length == 1 ? string.Empty : "s")} {string.Join(", ", small.Select(x => FormattableString.Invariant($"#{x.i + 1} ({Money.Text(x.area)} mu)")))} "
              + $"{(small.Length == 1 ? "has" : "have")} less than {Money.Text(least)} mu (分割后每宗土地面积不少于{Money.Text(least)}亩).", cite);

        yield return plan.OfficeLivingLand switch
        {
            OfficeLivingLand.None => new("land_split_office_land", RuleStatus.NotApplicable, "The parcel has no supporting office or living-service land.", cite),
            OfficeLivingLand.KeptWithOneParcel => new("land_split_office_land", RuleStatus.Passed, "The office and living-service land stays whole with one resulting parcel.", cite),
            _ => new("land_split_office_land", RuleStatus.Failed,
                "The office and living-service land would be divided from the whole parcel (配套建设的行政办公及生活服务用地不得与整宗地分割转让).", cite),
        };

        yield return new("land_split_not_split_before", parcel.SplitBefore ? RuleStatus.Failed : RuleStatus.Passed, parcel.SplitBefore
            ? $"Parcel {parcel.Id} was split before; industrial land may not be split a second time (工业用地不得二次分割转让)."
            : $"Parcel {parcel.Id} has not been split before.", cite);

        yield return new("land_split_not_merged_before", parcel.MergedBefore ? RuleStatus.Failed : RuleStatus.Passed, parcel.MergedBefore
            ? $"Parcel {parcel.Id} is the result of a merge; a merged parcel may not be split (合并转让后产权不得分割)."
            : $"Parcel {parcel.Id} is not the result of a merge.", cite);
    }
}

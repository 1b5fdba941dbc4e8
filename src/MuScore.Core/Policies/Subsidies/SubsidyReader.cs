using System.Text.Json;
using MuScore.Core.Rating;
using MuScore.Core.Schemes;

namespace MuScore.Core.Policies;

/// <summary>Reads <c>subsidies[]</c> sections: the <c>kind</c> decides which figures belong.</summary>
internal static class SubsidyReader
{
    private static readonly Dictionary<SubsidyKind, string[]> KindNames = new()
    {
        [SubsidyKind.EquipmentRenovation] =
        [
            "excluded_classes", "major_min_project_wan", "major_min_equipment_wan", "major_rate_percent", "major_cap_wan",
            "ordinary_min_equipment_wan", "ordinary_rate_percent", "ordinary_cap_wan",
            "cultivated_min_growth_percent", "cultivated_min_equipment_wan", "cultivated_rate_percent", "cultivated_cap_wan",
        ],
        [SubsidyKind.VerticalFactory] = ["excluded_classes", "min_increase_percent", "class_rates", "floor_rates", "cap_wan"],
        [SubsidyKind.DormitoryLand] =
            ["base_land_percent", "raised_land_percent", "raised_floor_percent", "outside_park_min_mu", "outside_park_classes", "inside_park_classes"],
        [SubsidyKind.QuotaTransfer] = ["acquirer_classes", "quotas"],
    };

    private static readonly string[] AllNames = [.. PolicyFields.SectionNames, "kind", .. KindNames.Values.SelectMany(n => n).Distinct()];
    private static readonly string[] ClassRateNames = ["class", "yuan_per_m2"];
    private static readonly string[] FloorRateNames = ["from_floor", "yuan_per_m2"];

    public static List<SubsidySection> ReadAll(JsonObjectReader reader, List<SchemeError> errors) =>
        PolicyFields.Objects(reader, "subsidies", required: false, allowEmpty: true, AllNames, errors, Read);

    private static SubsidySection? Read(JsonObjectReader reader, List<SchemeError> errors)
    {
        var (clause, period) = PolicyFields.Section(reader);
        if (!reader.TryToken<SubsidyKind>("kind", null, PolicyJsonTokens.SubsidyKinds, out var kind))
        {
            return null;
        }

        foreach (var name in AllNames.Except(PolicyFields.SectionNames).Except(["kind"]).Except(KindNames[kind]))
        {
            if (reader.Has(name))
            {
                reader.Error(name, $"{name} does not belong to kind \"{PolicyJsonTokens.TokenOf(PolicyJsonTokens.SubsidyKinds, kind)}\"; it takes: {string.Join(", ", KindNames[kind])}");
            }
        }

        SubsidySection? section = kind switch
        {
            SubsidyKind.EquipmentRenovation => Equipment(reader),
            SubsidyKind.VerticalFactory => Vertical(reader, errors),
            SubsidyKind.DormitoryLand => Dormitory(reader),
            _ => Quota(reader),
        };
        return clause is null || period is null || section is null ? null : section with { Clause = clause, Period = period.Value };
    }

    private static EquipmentRenovationSection? Equipment(JsonObjectReader r)
    {
        var excluded = PolicyFields.Classes(r, "excluded_classes");
        var section = new EquipmentRenovationSection
        {
            Clause = string.Empty,
            Period = default,
            ExcludedClasses = excluded ?? [],
            MajorMinProjectWan = PolicyFields.Decimal(r, "major_min_project_wan", min: 0m),
            MajorMinEquipmentWan = PolicyFields.Decimal(r, "major_min_equipment_wan", min: 0m),
            MajorRatePercent = Percent(r, "major_rate_percent"),
            MajorCapWan = PolicyFields.Decimal(r, "major_cap_wan", min: 0m, exclusive: true),
            OrdinaryMinEquipmentWan = PolicyFields.Decimal(r, "ordinary_min_equipment_wan", min: 0m),
            OrdinaryRatePercent = Percent(r, "ordinary_rate_percent"),
            OrdinaryCapWan = PolicyFields.Decimal(r, "ordinary_cap_wan", min: 0m, exclusive: true),
            CultivatedMinGrowthPercent = PolicyFields.Decimal(r, "cultivated_min_growth_percent"),
            CultivatedMinEquipmentWan = PolicyFields.Decimal(r, "cultivated_min_equipment_wan", min: 0m),
            CultivatedRatePercent = Percent(r, "cultivated_rate_percent"),
            CultivatedCapWan = PolicyFields.NullableDecimal(r, "cultivated_cap_wan", min: 0m, exclusive: true),
        };
        return excluded is null ? null : section;
    }

    private static VerticalFactorySection? Vertical(JsonObjectReader r, List<SchemeError> errors)
    {
        var excluded = PolicyFields.Classes(r, "excluded_classes");
        var classRates = PolicyFields.Objects(r, "class_rates", required: true, allowEmpty: false, ClassRateNames, errors, (item, _) =>
            new RateStep(item.TryToken<RatingClass>("class", null, PolicyJsonTokens.Classes, out var c) ? c : default, 0,
                PolicyFields.Decimal(item, "yuan_per_m2", min: 0m, exclusive: true)));
        var floorRates = PolicyFields.Objects(r, "floor_rates", required: true, allowEmpty: false, FloorRateNames, errors, (item, _) =>
            new FloorRate(FromFloor(item), PolicyFields.Decimal(item, "yuan_per_m2", min: 0m, exclusive: true)));
        Distinct(r, "class_rates", classRates.Select(c => c.Class.ToString()));
        Distinct(r, "floor_rates", floorRates.Select(f => f.FromFloor.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var section = new VerticalFactorySection
        {
            Clause = string.Empty,
            Period = default,
            ExcludedClasses = excluded ?? [],
            MinIncreasePercent = PolicyFields.Decimal(r, "min_increase_percent", min: 0m),
            ClassRates = classRates,
            FloorRates = [.. floorRates.OrderBy(f => f.FromFloor)],
            CapWan = PolicyFields.Decimal(r, "cap_wan", min: 0m, exclusive: true),
        };
        return excluded is null ? null : section;
    }

    private static DormitoryLandSection? Dormitory(JsonObjectReader r)
    {
        var outside = PolicyFields.Classes(r, "outside_park_classes");
        var inside = PolicyFields.Classes(r, "inside_park_classes", nullable: true);
        var section = new DormitoryLandSection
        {
            Clause = string.Empty,
            Period = default,
            BaseLandPercent = Percent(r, "base_land_percent"),
            RaisedLandPercent = Percent(r, "raised_land_percent"),
            RaisedFloorPercent = Percent(r, "raised_floor_percent"),
            OutsideParkMinMu = PolicyFields.Decimal(r, "outside_park_min_mu", min: 0m),
            OutsideParkClasses = outside ?? [],
            InsideParkClasses = inside,
        };
        if (section.RaisedLandPercent < section.BaseLandPercent)
        {
            r.Error("raised_land_percent", "raised_land_percent must not be below base_land_percent");
        }

        return outside is null ? null : section;
    }

    private static QuotaTransferSection? Quota(JsonObjectReader r)
    {
        var classes = PolicyFields.Classes(r, "acquirer_classes");
        var quotas = new SortedSet<string>(StringComparer.Ordinal);
        if (!r.Has("quotas"))
        {
            r.Error("quotas", "quotas is required");
        }
        else if (r.TryArray("quotas", allowNull: false, out var array) && array is { } list)
        {
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var entry = RequestChecks.Item("quotas", index++);
                var text = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                if (string.IsNullOrWhiteSpace(text))
                {
                    r.Error(entry, "a quota must be a non-empty string, e.g. \"land\"");
                }
                else if (!quotas.Add(text))
                {
                    r.Error(entry, $"quota '{text}' is listed twice");
                }
            }
        }

        return classes is null ? null : new QuotaTransferSection { Clause = string.Empty, Period = default, AcquirerClasses = classes, Quotas = [.. quotas] };
    }

    private static decimal Percent(JsonObjectReader r, string name) => PolicyFields.Decimal(r, name, min: 0m, exclusive: true, max: 100m);

    private static int FromFloor(JsonObjectReader item)
    {
        if (!item.Has("from_floor"))
        {
            item.Error("from_floor", "from_floor is required");
        }
        else if (item.TryInt("from_floor", 0, out var floor))
        {
            if (floor is >= 1 and <= 200)
            {
                return floor;
            }

            item.Error("from_floor", "from_floor must be a floor number between 1 and 200");
        }

        return 0;
    }

    private static void Distinct(JsonObjectReader r, string name, IEnumerable<string> keys)
    {
        foreach (var key in keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            r.Error(name, $"{key.Key} appears more than once");
        }
    }
}

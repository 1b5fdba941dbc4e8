using System.Text.Json;

namespace MuScore.Core.Policies;

/// <summary>The canonical form of <c>subsidies[]</c> sections.</summary>
internal static partial class PolicyCanonicalWriter
{
    private static void WriteSubsidy(Utf8JsonWriter writer, SubsidySection section)
    {
        writer.WriteString("kind", PolicyJsonTokens.TokenOf(PolicyJsonTokens.SubsidyKinds, section.Kind));
        switch (section)
        {
            case EquipmentRenovationSection e:
                Classes(writer, "excluded_classes", e.ExcludedClasses);
                Number(writer, "major_min_project_wan", e.MajorMinProjectWan);
                Number(writer, "major_min_equipment_wan", e.MajorMinEquipmentWan);
                Number(writer, "major_rate_percent", e.MajorRatePercent);
                Number(writer, "major_cap_wan", e.MajorCapWan);
                Number(writer, "ordinary_min_equipment_wan", e.OrdinaryMinEquipmentWan);
                Number(writer, "ordinary_rate_percent", e.OrdinaryRatePercent);
                Number(writer, "ordinary_cap_wan", e.OrdinaryCapWan);
                Number(writer, "cultivated_min_growth_percent", e.CultivatedMinGrowthPercent);
                Number(writer, "cultivated_min_equipment_wan", e.CultivatedMinEquipmentWan);
                Number(writer, "cultivated_rate_percent", e.CultivatedRatePercent);
                Number(writer, "cultivated_cap_wan", e.CultivatedCapWan);
                break;
            case VerticalFactorySection v:
                Classes(writer, "excluded_classes", v.ExcludedClasses);
                Number(writer, "min_increase_percent", v.MinIncreasePercent);
                writer.WriteStartArray("class_rates");
                foreach (var rate in v.ClassRates.OrderBy(r => r.Class))
                {
                    writer.WriteStartObject();
                    writer.WriteString("class", rate.Class.ToString());
                    Number(writer, "yuan_per_m2", rate.Value);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("floor_rates");
                foreach (var rate in v.FloorRates.OrderBy(r => r.FromFloor))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("from_floor", rate.FromFloor);
                    Number(writer, "yuan_per_m2", rate.YuanPerM2);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                Number(writer, "cap_wan", v.CapWan);
                break;
            case DormitoryLandSection d:
                Number(writer, "base_land_percent", d.BaseLandPercent);
                Number(writer, "raised_land_percent", d.RaisedLandPercent);
                Number(writer, "raised_floor_percent", d.RaisedFloorPercent);
                Number(writer, "outside_park_min_mu", d.OutsideParkMinMu);
                Classes(writer, "outside_park_classes", d.OutsideParkClasses);
                Classes(writer, "inside_park_classes", d.InsideParkClasses);
                break;
            case QuotaTransferSection q:
                Classes(writer, "acquirer_classes", q.AcquirerClasses);
                writer.WriteStartArray("quotas");
                foreach (var quota in q.Quotas.Order(StringComparer.Ordinal))
                {
                    writer.WriteStringValue(quota);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"no canonical form for subsidy section {section.GetType().Name}", nameof(section));
        }
    }
}

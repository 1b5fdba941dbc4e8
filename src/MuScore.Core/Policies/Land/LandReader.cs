using MuScore.Core.Schemes;

namespace MuScore.Core.Policies;

/// <summary>Reads <c>land_transfer[]</c> sections.</summary>
internal static class LandReader
{
    public static readonly string[] Names = [.. PolicyFields.SectionNames, "denied_receiver_classes", "max_split_parcels", "min_split_parcel_mu"];

    public static LandSection? Read(JsonObjectReader reader, List<SchemeError> errors)
    {
        var (clause, period) = PolicyFields.Section(reader);
        var denied = PolicyFields.Classes(reader, "denied_receiver_classes");
        var max = 0;
        if (!reader.Has("max_split_parcels"))
        {
            reader.Error("max_split_parcels", "max_split_parcels is required");
        }
        else if (reader.TryInt("max_split_parcels", 0, out max) && max < 2)
        {
            reader.Error("max_split_parcels", "max_split_parcels must be at least 2: a split gives at least two parcels");
        }

        var minArea = PolicyFields.Decimal(reader, "min_split_parcel_mu", min: 0m, exclusive: true);
        return clause is null || period is null || denied is null
            ? null
            : new LandSection { Clause = clause, Period = period.Value, DeniedReceiverClasses = denied, MaxSplitParcels = max, MinSplitParcelMu = minArea };
    }
}

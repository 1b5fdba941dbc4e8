using MuScore.Core.Indicators;
using MuScore.Core.Rating;

namespace MuScore.Store.Payload;

/// <summary>The <see cref="EnterpriseRating"/> part of a payload (RATED rows only); unchanged since format 1.</summary>
internal static partial class RatingPayload
{
    private static void WriteRating(EnterpriseRating rating, PayloadWriter writer)
    {
        writer.String(rating.Pool);
        writer.Decimal(rating.LandMu);
        writer.Int32(rating.Items.Count);
        foreach (var item in rating.Items)
        {
            writer.Byte((byte)item.Indicator);
            writer.NullableDouble(item.Value);
            writer.NullableDouble(item.Benchmark);
            writer.Double(item.Weight);
            writer.Double(item.Score);
            writer.Byte((byte)item.Basis);
        }

        writer.Double(rating.Bonus);
        writer.Double(rating.Penalty);
        writer.Double(rating.Total);
        writer.Int32(rating.Rank);
        writer.Int32(rating.PoolSize);
        writer.Double(rating.Percentile);
        writer.NullableInt32(rating.QuotaRank);
        writer.Int32(rating.QuotaPoolSize);
        writer.Byte((byte)rating.Class);
        writer.Byte((byte)rating.Override);
        writer.NullableDouble(rating.GapToNextClass);
        writer.Int32(rating.ConsecutiveDYears);
    }

    private static EnterpriseRating ReadRating(ref PayloadReader reader)
    {
        var pool = reader.String();
        var land = reader.Decimal();
        var items = new ItemScore[Count(reader.Int32())];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = new ItemScore(
                Enum<Indicator>(reader.Byte()),
                reader.NullableDouble(),
                reader.NullableDouble(),
                reader.Double(),
                reader.Double(),
                Enum<ItemBasis>(reader.Byte()));
        }

        return new EnterpriseRating
        {
            Pool = pool,
            LandMu = land,
            Items = items,
            Bonus = reader.Double(),
            Penalty = reader.Double(),
            Total = reader.Double(),
            Rank = reader.Int32(),
            PoolSize = reader.Int32(),
            Percentile = reader.Double(),
            QuotaRank = reader.NullableInt32(),
            QuotaPoolSize = reader.Int32(),
            Class = Enum<RatingClass>(reader.Byte()),
            Override = Enum<OverrideKind>(reader.Byte()),
            GapToNextClass = reader.NullableDouble(),
            ConsecutiveDYears = reader.Int32(),
        };
    }
}

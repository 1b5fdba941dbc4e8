using MuScore.Core.Indicators;
using MuScore.Core.Rating;

namespace MuScore.Store.Payload;

/// <summary>
/// The stored form of a <see cref="StoredRating"/>: every field, in a fixed order, as a compact
/// binary record (docs/storage.md, "Payload format"). Enums are stored as their numeric values;
/// <c>PayloadCodecTests</c> pins them, so reordering a core enum fails a test instead of
/// silently changing what stored payloads mean.
/// </summary>
internal static class RatingPayload
{
    /// <summary>The first byte of every payload; bump it when the layout changes.</summary>
    public const byte FormatVersion = 1;

    /// <summary>Encodes a rating; <paramref name="writer"/> is reused between calls.</summary>
    public static byte[] Encode(StoredRating stored, PayloadWriter writer)
    {
        writer.Reset();
        writer.Byte(FormatVersion);
        writer.String(stored.CreditCode);
        writer.NullableString(stored.Name);
        writer.String(stored.Region);
        writer.Int32(stored.Year);
        writer.String(stored.Industry);
        writer.String(stored.Scale);
        writer.Byte((byte)stored.Status);
        writer.Int32(stored.ExclusionReasons.Count);
        foreach (var reason in stored.ExclusionReasons)
        {
            writer.String(reason);
        }

        writer.Decimal(stored.LandMu);
        writer.Bool(stored.Rating is not null);
        if (stored.Rating is { } rating)
        {
            WriteRating(rating, writer);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes a payload written by <see cref="Encode"/>.</summary>
    /// <exception cref="InvalidDataException">The payload is malformed or of an unknown format version.</exception>
    public static StoredRating Decode(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        var version = reader.Byte();
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"rating payload format {version} is not supported (expected {FormatVersion})");
        }

        var creditCode = reader.String();
        var name = reader.NullableString();
        var region = reader.String();
        var year = reader.Int32();
        var industry = reader.String();
        var scale = reader.String();
        var status = Enum<RowStatus>(reader.Byte());
        var reasons = new string[Count(reader.Int32())];
        for (var i = 0; i < reasons.Length; i++)
        {
            reasons[i] = reader.String();
        }

        var land = reader.Decimal();
        var rating = reader.Bool() ? ReadRating(ref reader) : null;
        if (!reader.AtEnd)
        {
            throw new InvalidDataException($"rating payload of {creditCode} has trailing bytes");
        }

        return new StoredRating
        {
            CreditCode = creditCode,
            Name = name,
            Region = region,
            Year = year,
            Industry = industry,
            Scale = scale,
            Status = status,
            ExclusionReasons = reasons,
            LandMu = land,
            Rating = rating,
        };
    }

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

    private static int Count(int count) =>
        count is >= 0 and <= 1024 ? count : throw new InvalidDataException($"rating payload: list length {count} is implausible");

    private static T Enum<T>(byte value)
        where T : struct, Enum
    {
        // Every enum here is int-backed, so the bit cast is exact and avoids boxing.
        var result = System.Runtime.CompilerServices.Unsafe.BitCast<int, T>(value);
        return System.Enum.IsDefined(result) ? result : throw new InvalidDataException($"rating payload: {value} is not a {typeof(T).Name}");
    }
}

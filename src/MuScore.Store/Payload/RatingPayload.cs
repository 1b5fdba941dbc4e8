using MuScore.Core.Rating;

namespace MuScore.Store.Payload;

/// <summary>
/// The stored form of a <see cref="StoredRating"/>: every field, in a fixed order, as a compact
/// binary record (docs/storage.md, "Payload format"). Enums are stored as their numeric values;
/// <c>RatingPayloadTests</c> pins them, so reordering a core enum fails a test instead of
/// silently changing what stored payloads mean.
/// </summary>
internal static partial class RatingPayload
{
    /// <summary>The first byte of every payload written; bump it when the layout changes.</summary>
    public const byte FormatVersion = 3;

    /// <summary>
    /// The oldest format still decoded. Format 1 (before division and reported figures) is what
    /// the previous release wrote, and stored payloads are never rewritten.
    /// </summary>
    public const byte OldestReadableFormat = 1;

    /// <summary>The first format holding the division and the reported figures.</summary>
    private const byte FiguresFormat = 2;

    /// <summary>The first format holding a rating's adjustment (docs/review.md).</summary>
    private const byte AdjustmentFormat = 3;

    /// <summary>Encodes a rating; <paramref name="writer"/> is reused between calls.</summary>
    public static byte[] Encode(StoredRating stored, PayloadWriter writer)
    {
        writer.Reset();
        Append(stored, writer);
        return writer.ToArray();
    }

    /// <summary>Appends a rating's payload to what <paramref name="writer"/> holds (many payloads to one buffer).</summary>
    public static void Append(StoredRating stored, PayloadWriter writer)
    {
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
        writer.Int32(stored.Division);
        writer.Bool(stored.Figures is not null);
        if (stored.Figures is { } figures)
        {
            writer.Decimal(figures.TaxWan);
            writer.NullableDecimal(figures.RevenueWan);
            writer.NullableDecimal(figures.ValueAddedWan);
            writer.NullableDecimal(figures.Employees);
        }

        writer.Bool(stored.Rating is not null);
        if (stored.Rating is { } rating)
        {
            WriteRating(rating, writer);
        }

        writer.Bool(stored.Adjustment is not null);
        if (stored.Adjustment is { } adjustment)
        {
            writer.Byte((byte)adjustment.ComputedClass);
            writer.String(adjustment.Reason);
            writer.String(adjustment.ProposedBy);
            writer.String(adjustment.ApprovedBy);
            writer.Int64(adjustment.ApprovedAt.UtcTicks);
            writer.String(adjustment.AdjustmentId);
        }
    }

    /// <summary>
    /// Decodes a payload written by <see cref="Encode"/>, or by an earlier release (format 2: no adjustment; format 1:
    /// <see cref="StoredRating.Division"/> 0 and <see cref="StoredRating.Figures"/> null).
    /// </summary>
    /// <exception cref="InvalidDataException">The payload is malformed or of an unknown format version.</exception>
    public static StoredRating Decode(ReadOnlySpan<byte> payload)
    {
        var reader = new PayloadReader(payload);
        var version = reader.Byte();
        if (version is < OldestReadableFormat or > FormatVersion)
        {
            throw new InvalidDataException($"rating payload format {version} is not supported (this build reads formats {OldestReadableFormat} to {FormatVersion})");
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
        var division = version >= FiguresFormat ? reader.Int32() : 0;
        var figures = version >= FiguresFormat && reader.Bool()
            ? new ReportedFigures(reader.Decimal(), reader.NullableDecimal(), reader.NullableDecimal(), reader.NullableDecimal())
            : null;
        var rating = reader.Bool() ? ReadRating(ref reader) : null;
        var adjustment = version >= AdjustmentFormat && reader.Bool()
            ? new RatingAdjustment(Enum<RatingClass>(reader.Byte()), reader.String(), reader.String(), reader.String(), new DateTimeOffset(reader.Int64(), TimeSpan.Zero), reader.String())
            : null;
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
            Division = division,
            Figures = figures,
            Rating = rating,
            Adjustment = adjustment,
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

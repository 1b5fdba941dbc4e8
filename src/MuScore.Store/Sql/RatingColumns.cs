using MuScore.Core.Rating;

namespace MuScore.Store.Sql;

/// <summary>
/// The indexed columns of a rating row, derived from the rating: status code (0 RATED,
/// 1 EXCLUDED, so EXCLUDED rows list last), pool, class (0 A … 3 D), rank, and the industry code
/// without its section letter (so prefix filters ignore the letter on both sides).
/// </summary>
internal static class RatingColumns
{
    public const short Rated = 0;
    public const short Excluded = 1;

    public static short Status(StoredRating stored) => StatusOrNull(stored) ?? stored.Status switch
    {
        RowStatus.Rated => throw new ArgumentException($"rating {stored.CreditCode}: a RATED row needs its Rating", nameof(stored)),
        _ => throw new ArgumentException($"rating {stored.CreditCode}: status {stored.Status.Code()} is not stored as a rating (INVALID rows are rejected records)", nameof(stored)),
    };

    /// <summary>The <see cref="Status"/> code; null for a rating that cannot be stored, where <see cref="Status"/> throws.</summary>
    public static short? StatusOrNull(StoredRating stored) => stored.Status switch
    {
        RowStatus.Rated when stored.Rating is not null => Rated,
        RowStatus.Excluded => Excluded,
        _ => null,
    };

    public static short? Class(StoredRating stored) => stored.Rating is { } rating ? (short)rating.Class : null;

    public static int? Rank(StoredRating stored) => stored.Rating?.Rank;

    public static string? Pool(StoredRating stored) => stored.Rating?.Pool;

    /// <summary>"C3670" and "3670" both give "3670"; the empty prefix matches every industry.</summary>
    public static string IndustryKey(string industry)
    {
        var key = IndustryKey(industry.AsSpan());
        return key.Length == industry.Length ? industry : key.ToString();
    }

    /// <summary>The same key as a slice of <paramref name="industry"/>: what a bulk save binds, without a string per row.</summary>
    public static ReadOnlySpan<char> IndustryKey(ReadOnlySpan<char> industry)
    {
        var trimmed = industry.Trim();
        return trimmed.Length > 0 && char.IsAsciiLetter(trimmed[0]) ? trimmed[1..] : trimmed;
    }
}

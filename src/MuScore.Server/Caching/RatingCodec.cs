using Google.Protobuf;
using MuScore.Contracts.V1;
using MuScore.Server.Reading;
using StackExchange.Redis;

namespace MuScore.Server.Caching;

/// <summary>
/// Lookups as Redis values: the protobuf bytes of the rating, or an empty value for "this
/// enterprise is not in this publication" (a real rating is never empty: it has a credit code).
/// </summary>
internal static class RatingCodec
{
    public static RedisValue Encode(RatingLookup lookup) =>
        lookup.Rating is { } rating ? rating.ToByteArray() : RedisValue.EmptyString;

    /// <summary>The lookup stored under <paramref name="key"/>; null when absent or not what the key names.</summary>
    public static RatingLookup? Decode(RedisValue value, RatingKey key)
    {
        if (value.IsNull)
        {
            return null;
        }

        if (value.IsNullOrEmpty)
        {
            return RatingLookup.Missed(LookupMiss.UnknownEnterprise);
        }

        try
        {
            var rating = Rating.Parser.ParseFrom(((ReadOnlyMemory<byte>)value).Span);

            // A value that does not match its key is treated as a miss, never served.
            var matches = rating.CreditCode == key.CreditCode && rating.Year == key.Year && rating.Version == key.Version;
            return matches ? RatingLookup.Found(rating) : null;
        }
        catch (InvalidProtocolBufferException)
        {
            return null;
        }
    }
}

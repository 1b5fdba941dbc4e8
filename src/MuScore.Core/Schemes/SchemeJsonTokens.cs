using MuScore.Core.Records;

namespace MuScore.Core.Schemes;

/// <summary>
/// The words a scheme file uses for enum values, shared by the reader and the canonical writer
/// so the two cannot drift apart.
/// </summary>
internal static class SchemeJsonTokens
{
    public static readonly IReadOnlyList<(string Token, ScoringMethod Value)> Methods =
        [("ratio", ScoringMethod.Ratio), ("min_max", ScoringMethod.MinMax)];

    public static readonly IReadOnlyList<(string Token, Scale Value)> Scales =
        [("ABOVE", Scale.Above), ("BELOW", Scale.Below)];

    public static readonly IReadOnlyList<(string Token, BenchmarkKind Value)> BenchmarkKinds =
        [("fixed", BenchmarkKind.Fixed), ("pool_aggregate", BenchmarkKind.PoolAggregate)];

    public static readonly IReadOnlyList<(string Token, ClassificationMode Value)> Modes =
        [("quota", ClassificationMode.Quota), ("threshold", ClassificationMode.Threshold)];

    /// <summary>The token of <paramref name="value"/> in <paramref name="tokens"/>.</summary>
    public static string TokenOf<T>(IReadOnlyList<(string Token, T Value)> tokens, T value)
        where T : struct, Enum
    {
        foreach (var (token, candidate) in tokens)
        {
            if (EqualityComparer<T>.Default.Equals(candidate, value))
            {
                return token;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, "no scheme file token for this value");
    }
}

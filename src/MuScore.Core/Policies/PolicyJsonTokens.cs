using MuScore.Core.Rating;
using MuScore.Core.Schemes;

namespace MuScore.Core.Policies;

/// <summary>The words a policy file uses for enum values, shared by the reader and the canonical writer.</summary>
internal static class PolicyJsonTokens
{
    public static readonly IReadOnlyList<(string Token, Utility Value)> Utilities =
        [("ELECTRICITY", Utility.Electricity), ("WATER", Utility.Water), ("GAS", Utility.Gas)];

    public static readonly IReadOnlyList<(string Token, RatingClass Value)> Classes =
        [("A", RatingClass.A), ("B", RatingClass.B), ("C", RatingClass.C), ("D", RatingClass.D)];

    public static readonly IReadOnlyList<(string Token, SubsidyKind Value)> SubsidyKinds =
        [
            ("equipment_renovation", SubsidyKind.EquipmentRenovation), ("vertical_factory", SubsidyKind.VerticalFactory),
            ("dormitory_land", SubsidyKind.DormitoryLand), ("quota_transfer", SubsidyKind.QuotaTransfer),
        ];

    /// <summary>The token of <paramref name="value"/> (the scheme files' lookup, reused).</summary>
    public static string TokenOf<T>(IReadOnlyList<(string Token, T Value)> tokens, T value)
        where T : struct, Enum => SchemeJsonTokens.TokenOf(tokens, value);
}

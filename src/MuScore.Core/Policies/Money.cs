using MuScore.Core.Schemes;

namespace MuScore.Core.Policies;

/// <summary>Money and figure rounding shared by every policy answer.</summary>
internal static class Money
{
    /// <summary>元 per 万元.</summary>
    public const decimal YuanPerWan = 10_000m;

    /// <summary>
    /// Rounds 元 to 分 (0.01) half away from zero — 四舍五入, as Chinese utility bills and subsidy
    /// notices round — not half-to-even.
    /// </summary>
    public static decimal ToFen(decimal yuan) => Math.Round(yuan, 2, MidpointRounding.AwayFromZero);

    /// <summary>A figure for display (per-mu values, margins): 4 decimals, half-to-even; comparisons never use it.</summary>
    public static decimal Display(decimal value) => Math.Round(value, 4, MidpointRounding.ToEven);

    /// <summary>A decimal as text without trailing zeros, invariant ("0.1", not "0.10").</summary>
    public static string Text(decimal value) => SchemeCanonicalWriter.Text(value);
}

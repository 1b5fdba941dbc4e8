using MuScore.Core.Records;

namespace MuScore.Core.Tests.Builders;

/// <summary>Pools for <see cref="SchemeBuilder.TotalIsTaxPerMu"/>: on 1 mu, an enterprise's total is its tax.</summary>
internal static class Pools
{
    /// <summary>An enterprise on 1 mu whose total under the tax-per-mu scheme is <paramref name="total"/>.</summary>
    public static EnterpriseBuilder Scoring(int serial, decimal total) => EnterpriseBuilder.Create(serial).Land(1).Tax(total);

    /// <summary>Enterprises 1..n with totals 1..n: serial i has total i, so rank r holds total n + 1 − r.</summary>
    public static EnterpriseRecord[] Ladder(int n, int firstSerial = 1) =>
        [.. Enumerable.Range(0, n).Select(i => Scoring(firstSerial + i, i + 1).Build())];
}

using MuScore.Core.Indicators;

namespace MuScore.Reports;

/// <summary>How one item's score changed from the previous year to this one.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Before">Last year's score; null when the pool did not score it then.</param>
/// <param name="After">This year's score; null when the pool does not score it now.</param>
public sealed record ItemChange(Indicator Indicator, double? Before, double? After)
{
    /// <summary>After − before, an absent side counting as 0.</summary>
    public double Delta => (After ?? 0.0) - (Before ?? 0.0);
}

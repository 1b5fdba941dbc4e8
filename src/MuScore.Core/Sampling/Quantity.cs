namespace MuScore.Core.Sampling;

/// <summary>Turns a double draw into an exact decimal with a fixed number of places, without library rounding of decimals.</summary>
internal static class Quantity
{
    private static readonly decimal[] Scales = [1m, 10m, 100m, 1_000m, 10_000m];

    public static decimal Round(double value, int places)
    {
        var scaled = Math.Round(Math.Clamp(value, -1e11, 1e11) * (double)Scales[places]);
        return (long)scaled / Scales[places];
    }
}

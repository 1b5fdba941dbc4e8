namespace MuScore.Core.Indicators;

/// <summary>Stable ids and Chinese names of the indicators.</summary>
public static class IndicatorCatalog
{
    private static readonly string[] Ids =
    [
        "tax_per_mu", "va_per_mu", "revenue_per_mu", "va_per_energy", "va_per_emission", "va_per_cod",
        "va_per_water", "tax_per_kwh", "tax_per_energy", "labour_productivity", "rd_intensity",
    ];

    private static readonly string[] ChineseNames =
    [
        "亩均税收", "亩均增加值", "亩均营业收入", "单位能耗增加值", "单位排放增加值", "单位COD排放增加值",
        "单位用水量增加值", "单位电耗税收", "单位能耗税收", "全员劳动生产率", "研发投入强度",
    ];

    /// <summary>All indicators in declaration order.</summary>
    public static IReadOnlyList<Indicator> All { get; } = Enum.GetValues<Indicator>();

    /// <summary>The snake_case id used in scheme files and outputs.</summary>
    public static string Id(this Indicator indicator) => Ids[(int)indicator];

    /// <summary>The Chinese name.</summary>
    public static string ChineseName(this Indicator indicator) => ChineseNames[(int)indicator];

    /// <summary>Finds an indicator by id; null when none has it.</summary>
    public static Indicator? FromId(string id)
    {
        var index = Array.IndexOf(Ids, id);
        return index < 0 ? null : (Indicator)index;
    }
}

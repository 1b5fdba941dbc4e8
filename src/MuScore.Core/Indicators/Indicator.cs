namespace MuScore.Core.Indicators;

/// <summary>The indicators of docs/method.md §4; the scheme and output name is <see cref="IndicatorCatalog.Id"/>.</summary>
public enum Indicator
{
    /// <summary>tax / land, 万元/亩 (亩均税收).</summary>
    TaxPerMu,

    /// <summary>value_added / land, 万元/亩 (亩均增加值).</summary>
    VaPerMu,

    /// <summary>revenue / land, 万元/亩 (亩均营业收入).</summary>
    RevenuePerMu,

    /// <summary>value_added / energy_tce, 万元/tce (单位能耗增加值).</summary>
    VaPerEnergy,

    /// <summary>value_added / (cod + nh3n + so2 + nox), 万元/t (单位排放增加值).</summary>
    VaPerEmission,

    /// <summary>value_added / cod, 万元/t (单位COD排放增加值).</summary>
    VaPerCod,

    /// <summary>value_added / water, 万元/t (单位用水量增加值).</summary>
    VaPerWater,

    /// <summary>tax / electricity, 元/kWh (单位电耗税收).</summary>
    TaxPerKwh,

    /// <summary>tax / energy_tce, 万元/tce (单位能耗税收).</summary>
    TaxPerEnergy,

    /// <summary>value_added / employees, 万元/人 (全员劳动生产率).</summary>
    LabourProductivity,

    /// <summary>rd / revenue, ratio (研发投入强度).</summary>
    RdIntensity,
}

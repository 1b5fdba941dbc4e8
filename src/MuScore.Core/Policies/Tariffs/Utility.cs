namespace MuScore.Core.Policies;

/// <summary>The metered utility a differentiated tariff applies to.</summary>
public enum Utility
{
    /// <summary>Electricity, priced per kWh.</summary>
    Electricity,

    /// <summary>Water, priced per m³ (1 m³ = 1 吨).</summary>
    Water,

    /// <summary>Natural gas, priced per m³.</summary>
    Gas,
}

/// <summary>Stable codes for the policy enums.</summary>
public static partial class PolicyCodes
{
    /// <summary>"ELECTRICITY", "WATER" or "GAS".</summary>
    public static string Code(this Utility utility) => utility switch
    {
        Utility.Electricity => "ELECTRICITY",
        Utility.Water => "WATER",
        _ => "GAS",
    };

    /// <summary>The price unit of a surcharge: "元/kWh" or "元/m³".</summary>
    public static string SurchargeUnit(this Utility utility) => utility == Utility.Electricity ? "元/kWh" : "元/m³";

    /// <summary>The quantity unit: "kWh" or "m³".</summary>
    public static string QuantityUnit(this Utility utility) => utility == Utility.Electricity ? "kWh" : "m³";
}

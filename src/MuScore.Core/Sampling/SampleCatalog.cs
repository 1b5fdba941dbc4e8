namespace MuScore.Core.Sampling;

/// <summary>The fixed tables a sample is drawn from: industries, name parts, place names.</summary>
internal static class SampleCatalog
{
    /// <summary>Manufacturing classes (GB/T 4754-2017) common in Zhejiang and Jiangsu counties, with a noun for names.</summary>
    public static readonly (string Code, string Noun)[] Manufacturing =
    [
        ("C1391", "食品"), ("C1713", "印染"), ("C1752", "纺织"), ("C1810", "服饰"), ("C1951", "鞋业"),
        ("C2110", "家具"), ("C2231", "纸业"), ("C2614", "化工"), ("C2651", "新材料"), ("C2710", "药业"),
        ("C2927", "塑业"), ("C3041", "玻璃"), ("C3130", "钢业"), ("C3311", "金属制品"), ("C3360", "表面处理"),
        ("C3444", "泵阀"), ("C3484", "机械配件"), ("C3525", "模具"), ("C3670", "汽车部件"), ("C3824", "电器"),
        ("C3981", "电子"), ("C4090", "仪器"), ("C4190", "工艺品"), ("C4320", "设备维修"),
    ];

    /// <summary>Relative frequency of each entry of <see cref="Manufacturing"/> (machinery and metal products dominate).</summary>
    public static readonly int[] ManufacturingWeights =
        [3, 4, 5, 5, 3, 3, 2, 4, 3, 2, 6, 2, 2, 8, 3, 7, 8, 6, 7, 6, 5, 2, 1, 1];

    /// <summary>Utility classes: electricity, gas, water (divisions 44, 45, 46).</summary>
    public static readonly (string Code, string Noun)[] Utilities =
        [("D4411", "热电"), ("D4511", "燃气"), ("D4610", "水务")];

    /// <summary>Characters used for brand names.</summary>
    public const string BrandCharacters = "华宏鑫瑞永兴恒达金博泰盛安康德新远嘉明正天海东方光通源丰宇锦聚力翔隆昌荣浩晨凯";

    /// <summary>The place prefix of an enterprise name for a region.</summary>
    public static string Place(string region) => region switch
    {
        "331082" => "临海市",
        "330603" => "绍兴市柯桥区",
        "320803" => "淮安市",
        "331003" => "台州市黄岩区",
        _ => "浙江",
    };
}

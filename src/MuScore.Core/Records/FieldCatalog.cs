using System.Collections.Frozen;
using System.Text;

namespace MuScore.Core.Records;

/// <summary>
/// The header table: every field's English and Chinese column names. Headers are matched after
/// trimming, lower-casing, dropping spaces, and reading any parenthesised unit suffix away, so
/// "实缴税金（万元）" and "Tax" both name <see cref="Field.Tax"/>.
/// </summary>
public static class FieldCatalog
{
    /// <summary>All fields in canonical order.</summary>
    public static IReadOnlyList<FieldInfo> All { get; } =
    [
        new(Field.CreditCode, "credit_code", "统一社会信用代码", FieldKind.Text, true, ["信用代码", "社会信用代码", "creditcode", "uscc"]),
        new(Field.Name, "name", "企业名称", FieldKind.Text, false, ["名称", "enterprise_name", "company"]),
        new(Field.Region, "region", "行政区划代码", FieldKind.Text, true, ["区划代码", "region_code"]),
        new(Field.Industry, "industry", "国民经济行业代码", FieldKind.Text, true, ["行业代码", "industry_code"]),
        new(Field.Scale, "scale", "规模", FieldKind.Text, true, ["企业规模"]),
        new(Field.LandOwnMu, "land_own_mu", "自有土地面积", FieldKind.Number, false, ["自有用地", "land_own"]),
        new(Field.LandLeasedInMu, "land_leased_in_mu", "租入土地面积", FieldKind.Number, false, ["租入用地", "land_leased_in"]),
        new(Field.LandLeasedOutMu, "land_leased_out_mu", "出租土地面积", FieldKind.Number, false, ["出租用地", "land_leased_out"]),
        new(Field.Tax, "tax", "实缴税金", FieldKind.Number, true, ["税收", "实缴税收"]),
        new(Field.ValueAdded, "value_added", "工业增加值", FieldKind.Number, false, ["增加值"]),
        new(Field.Revenue, "revenue", "营业收入", FieldKind.Number, false, ["主营业务收入"]),
        new(Field.EnergyTce, "energy_tce", "综合能耗", FieldKind.Number, false, ["能耗", "energy"]),
        new(Field.Electricity, "electricity", "用电量", FieldKind.Number, false, ["电耗"]),
        new(Field.Water, "water", "用水量", FieldKind.Number, false, []),
        new(Field.Cod, "cod", "化学需氧量排放量", FieldKind.Number, false, ["化学需氧量", "cod排放量"]),
        new(Field.Nh3n, "nh3n", "氨氮排放量", FieldKind.Number, false, ["氨氮", "nh3_n"]),
        new(Field.So2, "so2", "二氧化硫排放量", FieldKind.Number, false, ["二氧化硫"]),
        new(Field.Nox, "nox", "氮氧化物排放量", FieldKind.Number, false, ["氮氧化物"]),
        new(Field.Employees, "employees", "年平均职工人数", FieldKind.Number, false, ["职工人数", "从业人员"]),
        new(Field.Rd, "rd", "研发经费", FieldKind.Number, false, ["研发经费支出", "r&d"]),
        new(Field.FixedAssetInvestment, "fixed_asset_investment", "固定资产投资", FieldKind.Number, false, ["fai"]),
        new(Field.InConstruction, "in_construction", "项目建设期", FieldKind.Boolean, false, ["是否建设期", "建设期"]),
        new(Field.ProductionStart, "production_start", "投产日期", FieldKind.Date, false, ["投产时间"]),
        new(Field.MajorIncident, "major_incident", "重大安全环保事故", FieldKind.Boolean, false, ["重大事故", "重大安全/环保事故"]),
        new(Field.FailsStandards, "fails_standards", "能耗环保质量安全不达标", FieldKind.Boolean, false, ["不达标", "能耗/环保/质量/安全不达标"]),
        new(Field.BonusPoints, "bonus_points", "加分", FieldKind.Number, false, ["加分项"]),
        new(Field.PenaltyPoints, "penalty_points", "减分", FieldKind.Number, false, ["减分项", "扣分"]),
    ];

    private static readonly FrozenDictionary<string, Field> ByHeader = BuildHeaderIndex();

    /// <summary>Number of fields.</summary>
    public static int Count => All.Count;

    /// <summary>The description of one field.</summary>
    public static FieldInfo Get(Field field) => All[(int)field];

    /// <summary>Canonical English name of a field, as every output writes it.</summary>
    public static string NameOf(Field field) => All[(int)field].Name;

    /// <summary>Finds the field a header cell names, in English or Chinese; null when it names none.</summary>
    public static Field? Match(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return ByHeader.TryGetValue(NormaliseHeader(header), out var field) ? field : null;
    }

    /// <summary>
    /// Normal form of a header: trimmed, lower-case, without spaces, underscores or hyphens, and
    /// without a trailing unit in ASCII or full-width parentheses ("用电量(万kWh)" → "用电量").
    /// </summary>
    public static string NormaliseHeader(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var text = header.Trim().TrimStart('\uFEFF');
        var open = text.IndexOfAny(['(', '（']);
        if (open > 0 && (text.EndsWith(')') || text.EndsWith('）')))
        {
            text = text[..open];
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '_' && c != '-')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static FrozenDictionary<string, Field> BuildHeaderIndex()
    {
        var index = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var info in All)
        {
            index[NormaliseHeader(info.Name)] = info.Field;
            index[NormaliseHeader(info.ChineseName)] = info.Field;
            foreach (var alias in info.Aliases)
            {
                index[NormaliseHeader(alias)] = info.Field;
            }
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

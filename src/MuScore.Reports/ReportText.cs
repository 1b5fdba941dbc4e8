using MuScore.Core.Indicators;
using MuScore.Core.Rating;

namespace MuScore.Reports;

/// <summary>Every word a report or chart shows, in Chinese and English; one table so the two stay in step.</summary>
public sealed class ReportText
{
    private static readonly string[] EnglishIndicators =
    [
        "Tax per mu", "Value added per mu", "Revenue per mu", "Value added per unit of energy",
        "Value added per unit of emissions", "Value added per unit of COD", "Value added per unit of water",
        "Tax per kWh", "Tax per unit of energy", "Labour productivity", "R&D intensity",
    ];

    private static readonly string[] Units =
    [
        "万元/亩", "万元/亩", "万元/亩", "万元/tce", "万元/t", "万元/t", "万元/t", "元/kWh", "万元/tce", "万元/人", "",
    ];

    private readonly bool zh;

    private ReportText(ReportLanguage language)
    {
        Language = language;
        zh = language == ReportLanguage.Chinese;
    }

    /// <summary>Chinese.</summary>
    public static ReportText Chinese { get; } = new(ReportLanguage.Chinese);

    /// <summary>English.</summary>
    public static ReportText English { get; } = new(ReportLanguage.English);

    /// <summary>The language.</summary>
    public ReportLanguage Language { get; }

    /// <summary>The html lang attribute.</summary>
    public string HtmlLang => zh ? "zh-CN" : "en";

    /// <summary>The table for a language.</summary>
    public static ReportText For(ReportLanguage language) => language == ReportLanguage.Chinese ? Chinese : English;

    /// <summary>An indicator's name.</summary>
    public string Indicator(Indicator indicator) => zh ? indicator.ChineseName() : EnglishIndicators[(int)indicator];

    /// <summary>An indicator's unit (the same in both languages); empty for a plain ratio.</summary>
    public static string Unit(Indicator indicator) => Units[(int)indicator];

    /// <summary>"A 优先支持类" or "A priority support".</summary>
    public string ClassName(RatingClass c) => c switch
    {
        RatingClass.A => zh ? "A 优先支持类" : "A priority support",
        RatingClass.B => zh ? "B 提升发展类" : "B upgrade and develop",
        RatingClass.C => zh ? "C 调整转型类" : "C adjust and transform",
        _ => zh ? "D 整治淘汰类" : "D rectify or phase out",
    };

    /// <summary>An override's name; empty for none.</summary>
    public string Override(OverrideKind kind) => kind switch
    {
        OverrideKind.Veto => zh ? "一票否决" : "veto",
        OverrideKind.InvestmentA => zh ? "建设期投资≥1亿" : "construction investment ≥ 1亿",
        OverrideKind.ConstructionProtection => zh ? "建设期保护" : "construction protection",
        _ => string.Empty,
    };

    /// <summary>What a rise answer says when it is not a number.</summary>
    public string Outcome(RiseOutcome outcome) => outcome switch
    {
        RiseOutcome.Closes => zh ? "提升" : "raise by",
        RiseOutcome.ReportAtLeast => zh ? "未报送，需报送不低于" : "not reported; report at least",
        RiseOutcome.BeyondCap => zh ? "单项封顶，无法单独弥补" : "capped: cannot close the gap alone",
        RiseOutcome.ZeroDenominator => zh ? "分母为零，不适用" : "zero denominator: not applicable",
        _ => zh ? "基准值无效，不适用" : "no usable benchmark: not applicable",
    };

    public string NotRated => zh ? "未参评" : "not rated";
    public string Title => zh ? "亩均效益综合评价报告" : "Per-mu efficiency rating report";
    public string Year => zh ? "评价年度" : "Evaluated year";
    public string Scheme => zh ? "评价方案" : "Scheme";
    public string Source => zh ? "数据来源" : "Source";
    public string Rated => zh ? "参评企业" : "Rated";
    public string Excluded => zh ? "不参评" : "Excluded";
    public string Invalid => zh ? "无效记录" : "Invalid rows";
    public string Headline => zh ? "各组各类企业数" : "Enterprises per pool and class";
    public string Region => zh ? "行政区划" : "Region";
    public string Pool => zh ? "分组" : "Pool";
    public string Total => zh ? "合计" : "Total";
    public string Charts => zh ? "图表" : "Charts";
    public string ClassDistribution => zh ? "各组分类分布" : "Class distribution per pool";
    public string Count => zh ? "企业数" : "Enterprises";
    public string IndicatorDistribution => zh ? "指标分布（竖线为基准值）" : "Indicator distribution (line: benchmark)";
    public string Benchmark => zh ? "基准值" : "Benchmark";
    public string ScoreAgainstTax => zh ? "综合得分与亩均税收" : "Score against tax per mu";
    public string Score => zh ? "综合得分" : "Total score";
    public string Transitions => zh ? "与上年相比的分类变动" : "Class this year against last year";
    public string LastYearClass => zh ? "上年分类" : "Class last year";
    public string ThisYearClass => zh ? "本年分类" : "Class this year";
    public string Movers => zh ? "分类变动企业" : "Enterprises that changed class";
    public string NoMovers => zh ? "无企业变动分类。" : "No enterprise changed class.";
    public string NoPrevious => zh ? "未提供上年结果，无年度对比。" : "No previous year given: no year-over-year comparison.";
    public string CreditCode => zh ? "统一社会信用代码" : "Credit code";
    public string Name => zh ? "企业名称" : "Name";
    public string Class => zh ? "分类" : "Class";
    public string Rank => zh ? "排名" : "Rank";
    public string Percentile => zh ? "百分位" : "Percentile";
    public string Movement => zh ? "变动" : "Move";
    public string TotalChange => zh ? "得分变化" : "Score change";
    public string MainReasons => zh ? "主要原因（单项得分变化）" : "Why (item score changes, largest first)";
    public string LowestRanked => zh ? "排名末位企业" : "Lowest-ranked enterprises";
    public string NearestToPromotion => zh ? "最接近升档的企业" : "Nearest to promotion";
    public string OverrideHeader => zh ? "特殊认定" : "Override";
    public string Gap => zh ? "距上一档差距（分）" : "Gap to next class (points)";
    public string NextClass => zh ? "目标分类" : "Next class";
    public string CutOff => zh ? "上一档分数线" : "Cut-off of next class";
    public string GapTable => zh ? "单项指标需提升多少才能升档（其他条件不变）" : "How far each indicator alone must rise to move up (other things equal)";
    public string IndicatorHeader => zh ? "指标" : "Indicator";
    public string Value => zh ? "指标值" : "Value";
    public string ItemScore => zh ? "单项得分" : "Item score";
    public string Weight => zh ? "权重" : "Weight";
    public string Required => zh ? "需达到" : "Required value";
    public string Rise => zh ? "需提升" : "Rise";
    public string Answer => zh ? "结论" : "Answer";
    public string NoData => zh ? "无数据" : "no data";
    public string Imputed => zh ? "缺失，取均值" : "missing, pool mean";
    public string CutOffNoteStrict => zh ? "须高于分数线（同分按亩均税收排序）" : "must pass the cut-off (ties go to tax per mu)";
    public string CutOffNoteInclusive => zh ? "达到分数线即可" : "reaching the cut-off suffices";
    public string GeneratedBy => zh ? "由 muscore report 生成；同一数据生成的报告逐字节相同。" : "Written by muscore report; the same data always gives the same bytes.";
}

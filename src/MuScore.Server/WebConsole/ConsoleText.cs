using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace MuScore.Server.WebConsole;

/// <summary>
/// The console's words in Chinese (the default: the bureau's staff) and English, chosen by the
/// <see cref="CookieName"/> cookie. One table holds both, so a string cannot exist in one
/// language only (a test checks every key has both).
/// </summary>
internal sealed class ConsoleText
{
    /// <summary>The language cookie: <c>zh</c> (default) or <c>en</c>.</summary>
    public const string CookieName = "muscore-lang";

    private static readonly FrozenDictionary<string, (string Zh, string En)> Strings = new Dictionary<string, (string Zh, string En)>(StringComparer.Ordinal)
    {
        ["title"] = ("亩均效益评价 · 工作台", "Per-mu efficiency rating · console"),
        ["nav.home"] = ("首页", "Home"),
        ["nav.upload"] = ("上传数据", "Upload"),
        ["nav.signout"] = ("退出", "Sign out"),
        ["lang.other"] = ("English", "中文"),
        ["signin.title"] = ("登录", "Sign in"),
        ["signin.token"] = ("访问令牌（JWT）", "Access token (JWT)"),
        ["signin.hint"] = ("粘贴 muscore token issue 签发的令牌，或由身份提供方签发的令牌。", "Paste a token issued by muscore token issue or by your identity provider."),
        ["signin.submit"] = ("登录", "Sign in"),
        ["signin.oidc"] = ("通过统一身份认证登录", "Sign in with the identity provider"),
        ["signin.refused"] = ("令牌无效：", "Token refused: "),
        ["signedin"] = ("当前用户", "Signed in as"),
        ["denied.title"] = ("无权访问", "Not allowed"),
        ["denied.body"] = ("此页面需要以下权限之一：", "This page needs one of these scopes:"),
        ["denied.region"] = ("您无权访问该地区：", "You may not act on region:"),
        ["home.runs"] = ("评价批次", "Runs"),
        ["home.none"] = ("暂无批次。", "No runs yet."),
        ["run.id"] = ("批次", "Run"),
        ["run.region"] = ("地区", "Region"),
        ["run.year"] = ("年度", "Year"),
        ["run.created"] = ("创建时间", "Created"),
        ["run.by"] = ("提交人", "Submitted by"),
        ["run.records"] = ("记录数", "Records"),
        ["run.rated"] = ("已评价", "Rated"),
        ["run.excluded"] = ("不参评", "Excluded"),
        ["run.rejected"] = ("被拒行", "Rejected"),
        ["run.state"] = ("状态", "State"),
        ["run.published"] = ("已发布", "Published"),
        ["run.draft"] = ("草稿", "Draft"),
        ["run.pools"] = ("各评价组分类统计", "Classes per pool"),
        ["run.pool"] = ("评价组", "Pool"),
        ["run.size"] = ("企业数", "Size"),
        ["run.charts"] = ("图表", "Charts"),
        ["run.enterprises"] = ("企业", "Enterprises"),
        ["run.open"] = ("查看", "Open"),
        ["upload.title"] = ("上传年度数据", "Upload a year's data"),
        ["upload.file"] = ("数据文件（CSV 或 xlsx）", "Data file (CSV or xlsx)"),
        ["upload.region"] = ("地区代码", "Region code"),
        ["upload.year"] = ("评价年度", "Year"),
        ["upload.scheme"] = ("评价方案", "Scheme"),
        ["upload.submit"] = ("上传并生成草稿", "Upload and draft"),
        ["upload.done"] = ("已生成草稿批次", "Draft run stored"),
        ["upload.errors"] = ("以下行未通过校验", "These rows were rejected"),
        ["upload.row"] = ("行", "Row"),
        ["upload.column"] = ("列", "Column"),
        ["upload.rule"] = ("规则", "Rule"),
        ["upload.message"] = ("说明", "Message"),
        ["upload.failed"] = ("上传失败：", "Upload failed: "),
        ["upload.nofile"] = ("请选择文件。", "Choose a file."),
        ["card.title"] = ("企业画像", "Enterprise card"),
        ["card.class"] = ("分类", "Class"),
        ["card.score"] = ("综合得分", "Score"),
        ["card.rank"] = ("排名", "Rank"),
        ["card.percentile"] = ("百分位", "Percentile"),
        ["card.items"] = ("指标得分", "Item scores"),
        ["card.indicator"] = ("指标", "Indicator"),
        ["card.value"] = ("数值", "Value"),
        ["card.benchmark"] = ("基准值", "Benchmark"),
        ["card.weight"] = ("权重", "Weight"),
        ["card.itemscore"] = ("得分", "Score"),
        ["card.gap"] = ("距上一档差距", "Gap to the next class"),
        ["card.override"] = ("人工调档", "Override"),
        ["card.rises"] = ("单项指标需提升多少才能升档", "Rise per indicator to reach"),
        ["card.required"] = ("需达到", "Required"),
        ["card.rise"] = ("需提升", "Rise"),
        ["card.history"] = ("历年分类", "History"),
        ["card.nofigures"] = ("无 ratings:figures 权限，不显示指标数值。", "Figures hidden: ratings:figures is not held."),
        ["card.notfound"] = ("该批次中没有此企业。", "No such enterprise in this run."),
        ["downloads.title"] = ("下载", "Downloads"),
        ["downloads.ratings"] = ("评价结果（CSV）", "Ratings (CSV)"),
        ["downloads.report"] = ("评价报告（HTML）", "Report (HTML)"),
        ["downloads.ratings-xlsx"] = ("评价结果（Excel）", "Ratings (Excel)"),
        ["downloads.lists"] = ("低效企业名单（CSV）", "Low-efficiency lists (CSV)"),
        ["downloads.summary"] = ("区域汇总（CSV）", "Region summary (CSV)"),
        ["workflow.title"] = ("公示与发布", "Notice and publication"),
        ["workflow.publish"] = ("发布为最终结果", "Publish as final"),
        ["workflow.reason"] = ("理由", "Reason"),
        ["workflow.done"] = ("已完成", "Done"),
        ["workflow.failed"] = ("操作被拒绝：", "Refused: "),
        ["review.state"] = ("评价状态", "Review state"),
        ["review.none"] = ("尚未公示。", "No notice started yet."),
        ["review.notice"] = ("公示期", "Notice"),
        ["review.drafts"] = ("草稿版本", "Draft versions"),
        ["review.start"] = ("开始公示", "Start the notice"),
        ["review.run"] = ("公示批次", "Run to put on notice"),
        ["review.startdate"] = ("公示开始日期", "First day"),
        ["review.days"] = ("公示工作日数", "Working days"),
        ["review.objections"] = ("异议", "Objections"),
        ["review.file"] = ("登记异议", "Record an objection"),
        ["review.code"] = ("统一社会信用代码", "Credit code"),
        ["review.filedby"] = ("提出人", "Filed by"),
        ["review.text"] = ("异议内容", "Objection"),
        ["review.decide"] = ("复核决定", "Decide"),
        ["review.upheld"] = ("异议成立", "Upheld"),
        ["review.rejected"] = ("异议不成立", "Rejected"),
        ["review.open"] = ("待复核", "Open"),
        ["review.adjustments"] = ("调档", "Adjustments"),
        ["review.propose"] = ("提出调档", "Propose an adjustment"),
        ["review.class"] = ("调整为", "Set class to"),
        ["review.approve"] = ("审核通过", "Approve"),
        ["review.proposed"] = ("待审核", "Proposed"),
        ["review.approved"] = ("已通过", "Approved"),
        ["review.finalize"] = ("确认并发布最终结果", "Finalize and publish"),
        ["review.final"] = ("已发布最终结果", "Final result published"),
        ["review.version"] = ("版本", "Version"),
        ["state.Draft"] = ("草稿", "Draft"),
        ["state.OnNotice"] = ("公示中", "On notice"),
        ["state.Final"] = ("已定稿", "Final"),
        ["state.Unspecified"] = ("草稿", "Draft"),
        ["workflow.who"] = ("操作人", "By"),
        ["workflow.when"] = ("时间", "When"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private ConsoleText(bool english) => English = english;

    /// <summary>True for English, false for Chinese.</summary>
    public bool English { get; }

    /// <summary>The value of the <c>lang</c> attribute.</summary>
    public string Lang => English ? "en" : "zh-CN";

    /// <summary>Every key, for the completeness test.</summary>
    public static IEnumerable<KeyValuePair<string, (string Zh, string En)>> All => Strings;

    /// <summary>The string for <paramref name="key"/> in this language.</summary>
    public string this[string key] => Strings.TryGetValue(key, out var pair)
        ? (English ? pair.En : pair.Zh)
        : throw new KeyNotFoundException($"console text '{key}' is missing");

    /// <summary>The language the request's cookie asks for.</summary>
    public static ConsoleText For(HttpContext? http) =>
        new(http is not null && http.Request.Cookies.TryGetValue(CookieName, out var lang) && string.Equals(lang, "en", StringComparison.Ordinal));

    /// <summary>A language chosen directly.</summary>
    public static ConsoleText Of(bool english) => new(english);
}

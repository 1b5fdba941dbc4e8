using System.Collections.Frozen;
using MuScore.Server.Security;

namespace MuScore.Server.WebConsole;

/// <summary>
/// What each console page and action needs, stated as the gRPC methods whose rules apply: the
/// person needs the scope of at least one of them (<see cref="RpcPermissions"/>), so the console
/// opens nothing the API keeps closed. A page or action missing here is refused to everyone
/// (deny by default; a test fails when a routable page has no entry). Region checks come on top,
/// per run and per enterprise, with <see cref="Caller.MayActOn"/>.
/// </summary>
internal static class ConsoleAccess
{
    public const string Home = "home";
    public const string Upload = "upload";
    public const string ViewRun = "run";
    public const string Card = "card";
    public const string Downloads = "downloads";
    public const string Lists = "lists";
    public const string Summary = "summary";
    public const string Workflow = "workflow";
    public const string StartNotice = "start-notice";
    public const string FileObjection = "file-objection";
    public const string DecideObjection = "decide-objection";
    public const string ProposeAdjustment = "propose-adjustment";
    public const string ApproveAdjustment = "approve-adjustment";
    public const string Finalize = "finalize";

    private const string Evaluation = "/muscore.v1.EvaluationService/";
    private const string Rating = "/muscore.v1.RatingService/";
    private const string Review = "/muscore.v1.ReviewService/";
    private const string Policy = "/muscore.v1.PolicyService/";

    private static readonly FrozenDictionary<string, string[]> Methods = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // The start page lists the runs the person may see.
        [Home] = [Evaluation + "ListRuns", Rating + "ListRatings"],
        [Upload] = [Evaluation + "SubmitRun"],
        [ViewRun] = [Evaluation + "GetRun", Rating + "ListRatings"],
        [Card] = [Evaluation + "GetRun", Rating + "GetRating"],
        [Downloads] = [Evaluation + "GetRun", Rating + "ListRatings"],
        // A final publication's low-efficiency lists and region summary: what muscore lists / summary fetch.
        [Lists] = [Policy + "ListLowEfficiency"],
        [Summary] = [Policy + "SummarizeRegion"],
        // The review page shows the state to whoever may act on it; each form is opened by its own RPC's rule.
        [Workflow] = [Review + "GetReview", Review + "ApproveAdjustment", Review + "FinalizeRun"],
        [StartNotice] = [Review + "StartNotice"],
        [FileObjection] = [Review + "FileObjection"],
        [DecideObjection] = [Review + "DecideObjection"],
        [ProposeAdjustment] = [Review + "ProposeAdjustment"],
        [ApproveAdjustment] = [Review + "ApproveAdjustment"],
        [Finalize] = [Review + "FinalizeRun"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every page or action with a rule.</summary>
    public static IEnumerable<string> Names => Methods.Keys;

    /// <summary>The gRPC methods whose rules open <paramref name="name"/>; empty when none does.</summary>
    public static IReadOnlyList<string> MethodsOf(string name) => Methods.TryGetValue(name, out var methods) ? methods : [];

    /// <summary>True when the caller holds a scope that one of the page's methods needs.</summary>
    public static bool Allows(Caller caller, string name)
    {
        ArgumentNullException.ThrowIfNull(caller);
        foreach (var method in MethodsOf(name))
        {
            if (RpcPermissions.TryGetRequired(method, out var scope) && (scope == RpcPermissions.Open || caller.Has(scope)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The scopes any one of which opens <paramref name="name"/>, for the refusal page.</summary>
    public static IReadOnlyList<string> ScopesOf(string name) =>
        [.. MethodsOf(name).Select(m => RpcPermissions.TryGetRequired(m, out var s) ? s : null).OfType<string>().Distinct(StringComparer.Ordinal)];
}

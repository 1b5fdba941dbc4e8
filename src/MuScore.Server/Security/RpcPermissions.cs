using System.Collections.Frozen;

namespace MuScore.Server.Security;

/// <summary>
/// The scope each RPC needs, by full gRPC method name. A method missing here is refused to
/// everyone: a new RPC stays closed until a line below opens it (deny by default).
/// </summary>
internal static class RpcPermissions
{
    /// <summary>Marks the methods anyone may call: health checks and reflection carry no data.</summary>
    public const string Open = "";

    private static readonly FrozenDictionary<string, string> Required = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/muscore.v1.RatingService/GetRating"] = Scopes.RatingsRead,
        ["/muscore.v1.RatingService/BatchGetRatings"] = Scopes.RatingsRead,
        ["/muscore.v1.RatingService/ListRatings"] = Scopes.RatingsRead,
        ["/muscore.v1.EvaluationService/SubmitRun"] = Scopes.RunsSubmit,
        ["/muscore.v1.EvaluationService/GetRun"] = Scopes.RunsSubmit,
        ["/muscore.v1.EvaluationService/ListRuns"] = Scopes.RunsSubmit,
        ["/muscore.v1.EvaluationService/PublishRun"] = Scopes.RunsPublish,
        ["/muscore.v1.PolicyService/QuoteTariff"] = Scopes.PolicyQuote,
        ["/muscore.v1.PolicyService/QuoteTariffs"] = Scopes.PolicyQuote,
        ["/muscore.v1.PolicyService/CheckLandTransfer"] = Scopes.PolicyQuote,
        ["/muscore.v1.PolicyService/AssessSubsidy"] = Scopes.PolicyQuote,
        ["/muscore.v1.PolicyService/QuoteTaxRelief"] = Scopes.PolicyQuote,
        ["/muscore.v1.PolicyService/ListLowEfficiency"] = Scopes.PolicyQuote,
        ["/muscore.v1.PolicyService/SummarizeRegion"] = Scopes.PolicyQuote,
        ["/muscore.v1.AuditService/ListAuditEvents"] = Scopes.AuditRead,
        ["/muscore.v1.ReviewService/StartNotice"] = Scopes.ReviewManage,
        ["/muscore.v1.ReviewService/GetReview"] = Scopes.ReviewManage,
        ["/muscore.v1.ReviewService/ListObjections"] = Scopes.ReviewManage,
        ["/muscore.v1.ReviewService/DecideObjection"] = Scopes.ReviewManage,
        ["/muscore.v1.ReviewService/CorrectRun"] = Scopes.ReviewManage,
        ["/muscore.v1.ReviewService/ProposeAdjustment"] = Scopes.ReviewManage,
        ["/muscore.v1.ReviewService/ListAdjustments"] = Scopes.ReviewManage,
        ["/muscore.v1.ReviewService/ApproveAdjustment"] = Scopes.ReviewApprove,
        ["/muscore.v1.ReviewService/FinalizeRun"] = Scopes.ReviewApprove,
        ["/muscore.v1.ReviewService/GetNotice"] = Scopes.NoticeRead,
        ["/muscore.v1.ReviewService/FileObjection"] = Scopes.ObjectionsFile,
        ["/grpc.health.v1.Health/Check"] = Open,
        ["/grpc.health.v1.Health/Watch"] = Open,
        ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = Open,
        ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = Open,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The methods that change what is stored or in force; their refusals are audited.</summary>
    private static readonly FrozenSet<string> Writes = new[]
    {
        "/muscore.v1.EvaluationService/SubmitRun",
        "/muscore.v1.EvaluationService/PublishRun",
        "/muscore.v1.ReviewService/StartNotice",
        "/muscore.v1.ReviewService/FileObjection",
        "/muscore.v1.ReviewService/DecideObjection",
        "/muscore.v1.ReviewService/CorrectRun",
        "/muscore.v1.ReviewService/ProposeAdjustment",
        "/muscore.v1.ReviewService/ApproveAdjustment",
        "/muscore.v1.ReviewService/FinalizeRun",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every method with a rule, for tests and docs.</summary>
    public static IEnumerable<KeyValuePair<string, string>> All => Required;

    /// <summary>The scope <paramref name="method"/> needs (<see cref="Open"/> for none); false when no rule names it.</summary>
    public static bool TryGetRequired(string method, out string scope) => Required.TryGetValue(method, out scope!);

    /// <summary>True for a method that changes what is stored or in force.</summary>
    public static bool IsWrite(string method) => Writes.Contains(method);
}

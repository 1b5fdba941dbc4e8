using System.Globalization;
using Google.Rpc;
using Grpc.Core;

namespace MuScore.Server.Errors;

/// <summary>The review workflow's refusals (docs/review.md): a step out of order, or someone not allowed to take it.</summary>
internal static class ReviewErrors
{
    /// <summary>FAILED_PRECONDITION: the step is not possible in the review's state; <paramref name="reason"/> says which rule.</summary>
    public static RpcException Precondition(string reason, string message, string region, int year) =>
        Build(Code.FailedPrecondition, reason, message, ("region", region), ("year", year.ToString(CultureInfo.InvariantCulture)));

    /// <summary>NOT_FOUND: the region and year have no notice.</summary>
    public static RpcException NoNotice(string region, int year) =>
        Build(Code.NotFound, "NO_NOTICE", string.Create(CultureInfo.InvariantCulture, $"region {region} year {year} has no notice; StartNotice puts a draft on notice"), ("region", region), ("year", year.ToString(CultureInfo.InvariantCulture)));

    /// <summary>NOT_FOUND: no objection or adjustment has the id.</summary>
    public static RpcException ItemNotFound(string what, string id) =>
        Build(Code.NotFound, what.ToUpperInvariant() + "_NOT_FOUND", $"no {what} has id '{EchoText.Bound(id)}'", ($"{what}_id", EchoText.Bound(id)));

    /// <summary>NOT_FOUND: the enterprise is not in the review's newest draft.</summary>
    public static RpcException EnterpriseNotInDraft(string creditCode, string region, int year) =>
        Build(Code.NotFound, "ENTERPRISE_NOT_FOUND", string.Create(CultureInfo.InvariantCulture, $"enterprise {creditCode} is not rated in the draft of region {region} year {year} on notice"), ("credit_code", creditCode), ("region", region));

    /// <summary>PERMISSION_DENIED: an enterprise's caller files only for its own credit code.</summary>
    public static RpcException OwnEnterpriseOnly(string callerId, string creditCode) =>
        Build(Code.PermissionDenied, "OWN_ENTERPRISE_ONLY", $"caller '{EchoText.Bound(callerId)}' may file objections only for its own credit code, not {creditCode} (review:manage records them for anyone)", ("credit_code", creditCode));

    /// <summary>PERMISSION_DENIED: the second pair of eyes is the first (four eyes).</summary>
    public static RpcException FourEyes(string callerId, string what, string region) =>
        Build(Code.PermissionDenied, "FOUR_EYES", $"caller '{EchoText.Bound(callerId)}' {what}; another caller with review:approve must", ("region", region));

    private static RpcException Build(Code code, string reason, string message, params (string Key, string Value)[] metadata)
    {
        var info = new ErrorInfo { Reason = reason, Domain = RpcErrors.Domain };
        foreach (var (key, value) in metadata)
        {
            info.Metadata[key] = value;
        }

        return ErrorBudget.Status(code, message, [info]).ToRpcException();
    }
}

using System.Globalization;
using Google.Rpc;
using Grpc.Core;
using MuScore.Server.Options;

namespace MuScore.Server.Errors;

/// <summary>
/// The one place where an expected condition becomes a gRPC status (docs/service.md lists them).
/// Every error carries a <c>google.rpc.Status</c> in the trailers: INVALID_ARGUMENT with a
/// <c>BadRequest</c> naming each field and rule, the others with an <c>ErrorInfo</c> whose reason
/// a client can branch on.
/// </summary>
internal static class RpcErrors
{
    /// <summary>The <c>ErrorInfo.domain</c> of every error.</summary>
    public const string Domain = "muscore";

    /// <summary>
    /// INVALID_ARGUMENT listing the field violations found: every one, unless there are more than
    /// <see cref="ErrorBudget"/> lets through, when the last says how many more there were.
    /// </summary>
    public static RpcException InvalidArgument(IReadOnlyList<BadRequest.Types.FieldViolation> violations)
    {
        var first = violations[0];
        var description = EchoText.Bound(first.Description, ErrorBudget.MaxDescription);
        var message = violations.Count == 1
            ? $"{EchoText.Bound(first.Field, ErrorBudget.MaxField)}: {description}"
            : string.Create(CultureInfo.InvariantCulture, $"{EchoText.Bound(first.Field, ErrorBudget.MaxField)}: {description} (and {violations.Count - 1} more)");
        return ErrorBudget.WithViolations(Code.InvalidArgument, message, violations).ToRpcException();
    }

    /// <summary>NOT_FOUND: no run has this id.</summary>
    public static RpcException RunNotFound(string runId) =>
        Build(Code.NotFound, $"no run has id '{EchoText.Bound(runId)}'", Info("RUN_NOT_FOUND", ("run_id", EchoText.Bound(runId))));

    /// <summary>
    /// NOT_FOUND: the region (and year) has no published run. grpc.io's status guide keeps
    /// FAILED_PRECONDITION for operations the system state forbids; a read of a publication that
    /// does not exist is "some requested entity was not found".
    /// </summary>
    public static RpcException NothingPublished(string region, int? year) =>
        Build(
            Code.NotFound,
            year is { } y
                ? string.Create(CultureInfo.InvariantCulture, $"nothing is published for region {region} year {y}")
                : $"nothing is published for region {region}",
            Info("NOTHING_PUBLISHED", ("region", region), ("year", year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty)));

    /// <summary>NOT_FOUND: the publication has no such enterprise.</summary>
    public static RpcException EnterpriseNotFound(string creditCode, string region, int? year) =>
        Build(
            Code.NotFound,
            $"enterprise {creditCode} is not in the published ratings of region {region}"
                + (year is { } y ? string.Create(CultureInfo.InvariantCulture, $" year {y}") : " (latest year)"),
            Info("ENTERPRISE_NOT_FOUND", ("credit_code", creditCode), ("region", region)));

    /// <summary>NOT_FOUND: no low-efficiency list rules cover the region for the year (the lists and targets are policy, not data).</summary>
    public static RpcException NoListRulesInForce(string region, int year) =>
        Build(
            Code.NotFound,
            string.Create(CultureInfo.InvariantCulture, $"no policy sets low-efficiency lists or targets for region {region} in {year}"),
            Info("NO_POLICY_IN_FORCE", ("region", region), ("year", year.ToString(CultureInfo.InvariantCulture))));

    /// <summary>
    /// FAILED_PRECONDITION: the publication was stored by a release that did not keep the reported
    /// figures; submitting the year's records again and publishing that run (a new version) stores them.
    /// </summary>
    public static RpcException FiguresNotStored(string region, int year, int version) =>
        Build(
            Code.FailedPrecondition,
            string.Create(CultureInfo.InvariantCulture, $"publication {version} of region {region} year {year} was stored without the reported figures; submit the year's records again and publish that run to draw lists from it"),
            Info("FIGURES_NOT_STORED", ("region", region), ("year", year.ToString(CultureInfo.InvariantCulture)), ("version", version.ToString(CultureInfo.InvariantCulture))));

    /// <summary>UNAVAILABLE: the store cannot be reached; the client may retry with backoff.</summary>
    public static RpcException StoreUnavailable() =>
        Build(Code.Unavailable, "the rating store is unavailable; retry later", Info("STORE_UNAVAILABLE"));

    /// <summary>CANCELLED or DEADLINE_EXCEEDED, whichever ended the call.</summary>
    public static RpcException Ended(bool deadlinePassed) => deadlinePassed
        ? new RpcException(new Grpc.Core.Status(StatusCode.DeadlineExceeded, "the deadline passed"))
        : new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "the call was cancelled"));

    /// <summary>UNAUTHENTICATED: no credential, or one that does not prove who the caller is.</summary>
    public static RpcException Unauthenticated(string reason, string message) =>
        Build(Code.Unauthenticated, message, Info(reason));

    /// <summary>PERMISSION_DENIED: a known caller without the scope the method needs.</summary>
    public static RpcException MissingScope(string callerId, string method, string scope) =>
        Build(
            Code.PermissionDenied,
            $"caller '{EchoText.Bound(callerId)}' lacks scope {scope} needed by {method}",
            Info("MISSING_SCOPE", ("scope", scope), ("method", method)));

    /// <summary>PERMISSION_DENIED: a known caller acting on a region outside its prefixes.</summary>
    public static RpcException RegionDenied(string callerId, string field, string region) =>
        Build(
            Code.PermissionDenied,
            $"caller '{EchoText.Bound(callerId)}' may not act on region '{EchoText.Bound(region)}' ({field})",
            Info("REGION_NOT_ALLOWED", ("region", EchoText.Bound(region)), ("field", field)));

    /// <summary>PERMISSION_DENIED: no rule opens the method to anyone (deny by default).</summary>
    public static RpcException MethodClosed(string method) =>
        Build(Code.PermissionDenied, $"{EchoText.Bound(method, 256)} is not open to any caller", Info("METHOD_NOT_ALLOWED", ("method", EchoText.Bound(method, 256))));

    /// <summary>PERMISSION_DENIED: the caller submitted the run it asks to publish (four eyes).</summary>
    /// <remarks>The region (which the caller may act on) goes into the metadata so the refusal's audit entry is seen by that region's auditors.</remarks>
    public static RpcException SelfPublish(string callerId, string runId, string region) =>
        Build(
            Code.PermissionDenied,
            $"caller '{EchoText.Bound(callerId)}' submitted run {EchoText.Bound(runId)} and may not also publish it; another caller with runs:publish must",
            Info("FOUR_EYES", ("run_id", EchoText.Bound(runId)), ("region", region)));

    /// <summary>INTERNAL for a failure nobody expected (a bug); the details stay in the server log.</summary>
    public static RpcException Unexpected() =>
        Build(Code.Internal, "unexpected server failure; see the server log", Info("INTERNAL"));

    /// <summary>RESOURCE_EXHAUSTED: a SubmitRun sent more records than a run may hold; the server stopped reading.</summary>
    public static RpcException TooManyRecords(int limit) =>
        LimitReached(
            "TOO_MANY_RECORDS",
            LimitsOptions.MaxRecordsPerRunKey,
            limit,
            "run",
            string.Create(CultureInfo.InvariantCulture, $"more than {limit} records; a run holds at most {limit} ({LimitsOptions.MaxRecordsPerRunKey})"));

    /// <summary>RESOURCE_EXHAUSTED: a SubmitRun's messages add up to more bytes than a run may hold; the server stopped reading.</summary>
    public static RpcException RunTooLarge(long limit) =>
        LimitReached(
            "RUN_TOO_LARGE",
            LimitsOptions.MaxRunBytesKey,
            limit,
            "run",
            string.Create(CultureInfo.InvariantCulture, $"the run's messages exceed {limit} bytes, the most a run may send ({LimitsOptions.MaxRunBytesKey})"));

    /// <summary>
    /// RESOURCE_EXHAUSTED: as many uploads as <paramref name="setting"/> allows are already running
    /// (for this caller, or on the whole server); retry when one has finished.
    /// </summary>
    public static RpcException TooManyUploads(string setting, int limit, string subject) =>
        LimitReached(
            "TOO_MANY_UPLOADS",
            setting,
            limit,
            subject,
            string.Create(CultureInfo.InvariantCulture, $"{limit} uploads are already running for {subject}, the most {setting} allows; retry when one has finished"));

    // RESOURCE_EXHAUSTED naming the limit twice over: ErrorInfo (reason, setting and value, for
    // programs) and QuotaFailure (subject and sentence, the standard detail for quota errors).
    private static RpcException LimitReached(string reason, string setting, long limit, string subject, string message) =>
        Build(
            Code.ResourceExhausted,
            message,
            Info(reason, ("limit", setting), ("value", limit.ToString(CultureInfo.InvariantCulture))),
            new QuotaFailure { Violations = { new QuotaFailure.Types.Violation { Subject = EchoText.Bound(subject), Description = message } } });

    private static ErrorInfo Info(string reason, params (string Key, string Value)[] metadata)
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        foreach (var (key, value) in metadata)
        {
            info.Metadata[key] = value;
        }

        return info;
    }

    // Every status goes through the budget: bounded message, at most 8 KB serialized.
    private static RpcException Build(Code code, string message, params Google.Protobuf.IMessage[] details) =>
        ErrorBudget.Status(code, message, details).ToRpcException();
}

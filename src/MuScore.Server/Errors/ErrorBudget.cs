using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace MuScore.Server.Errors;

/// <summary>
/// Keeps every error small enough to reach the client intact. The <c>google.rpc.Status</c> travels
/// base64-encoded in the <c>grpc-status-details-bin</c> trailer and its message again in
/// <c>grpc-message</c>; a client refuses trailers beyond its header limit and reports
/// RESOURCE_EXHAUSTED instead of the error the server meant. So a status is held to
/// <see cref="MaxStatusBytes"/> serialized, its message and each violation's parts are bounded, and
/// a BadRequest carries at most <see cref="MaxViolations"/> violations, the last one counting those
/// left out. <see cref="RpcErrors"/> builds every status through here.
/// </summary>
internal static class ErrorBudget
{
    /// <summary>The most bytes of a serialized <c>google.rpc.Status</c>, details included.</summary>
    public const int MaxStatusBytes = 8 * 1024;

    /// <summary>The most field violations carried, the one counting the rest included.</summary>
    public const int MaxViolations = 50;

    /// <summary>The longest status message, in characters.</summary>
    public const int MaxMessage = 512;

    /// <summary>The longest violation description, in characters.</summary>
    public const int MaxDescription = 512;

    /// <summary>The longest field path, in characters (a scheme's JSON path holds the client's own keys).</summary>
    public const int MaxField = 128;

    /// <summary>The field of the violation that counts those left out.</summary>
    public const string MoreField = "…";

    /// <summary>The rule code of that violation.</summary>
    public const string MoreRule = "more_violations";

    /// <summary>A status with the given details, its message bounded; trailing details are dropped should it not fit.</summary>
    public static Google.Rpc.Status Status(Code code, string message, IReadOnlyList<IMessage> details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = EchoText.Bound(message, MaxMessage) };
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(detail));
        }

        // ErrorInfo and QuotaFailure details are a few fixed, bounded words; this never triggers for them.
        while (status.Details.Count > 1 && status.CalculateSize() > MaxStatusBytes)
        {
            status.Details.RemoveAt(status.Details.Count - 1);
        }

        return status;
    }

    /// <summary>
    /// An INVALID_ARGUMENT-style status whose BadRequest carries as many of the violations, in
    /// order and each bounded, as fit <see cref="MaxStatusBytes"/> and <see cref="MaxViolations"/>;
    /// the last violation then says how many more were found.
    /// </summary>
    public static Google.Rpc.Status WithViolations(Code code, string message, IReadOnlyList<BadRequest.Types.FieldViolation> violations)
    {
        var carried = violations.Count <= MaxViolations ? violations.Count : MaxViolations - 1;
        while (true)
        {
            var status = Status(code, message, [Request(violations, carried)]);

            // One bounded violation is under 1 KB: the loop always ends.
            if (carried <= 1 || status.CalculateSize() <= MaxStatusBytes)
            {
                return status;
            }

            carried--;
        }
    }

    private static BadRequest Request(IReadOnlyList<BadRequest.Types.FieldViolation> violations, int carried)
    {
        var request = new BadRequest();
        for (var i = 0; i < carried; i++)
        {
            var violation = violations[i];
            request.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = EchoText.Bound(violation.Field, MaxField),
                Reason = EchoText.Bound(violation.Reason),
                Description = EchoText.Bound(violation.Description, MaxDescription),
            });
        }

        var more = violations.Count - carried;
        if (more > 0)
        {
            request.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = MoreField,
                Reason = MoreRule,
                Description = more == 1
                    ? "and 1 more violation, not listed to keep the error small"
                    : string.Create(CultureInfo.InvariantCulture, $"and {more} more violations, not listed to keep the error small"),
            });
        }

        return request;
    }
}

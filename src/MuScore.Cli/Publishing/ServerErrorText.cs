using System.Globalization;
using System.Net.Http;
using System.Security.Authentication;
using System.Net.Sockets;
using System.Text;
using Google.Rpc;
using Grpc.Core;

namespace MuScore.Cli.Publishing;

/// <summary>
/// A failed call as one readable block, never a stack trace: the first line says what failed with
/// the gRPC status; then, when the server sent them, every BadRequest field violation and the
/// ErrorInfo reason with its metadata (docs/service.md, "Status codes"), e.g.
/// "reason: MISSING_SCOPE (scope runs:publish)" under a PERMISSION_DENIED.
/// </summary>
internal static class ServerErrorText
{
    /// <summary>
    /// The message for a failed <paramref name="step"/> (e.g. "SubmitRun") against
    /// <paramref name="server"/>; <paramref name="certificateProblem"/> is why the server's
    /// certificate was refused, when it was (<see cref="Connection.ServerTrust.Problem"/>).
    /// </summary>
    public static string Format(RpcException exception, Uri server, string step, string? certificateProblem = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(server);
        var status = exception.Status;
        var address = server.GetLeftPart(UriPartial.Authority);
        if (Unreachable(status))
        {
            // The handshake error only says that the certificate was refused; the problem says why.
            if (certificateProblem is not null)
            {
                return $"cannot reach the server at {address}: TLS handshake refused: {OneLine(certificateProblem)}";
            }

            // Not the certificate: a server that speaks no TLS, or one that refused the client's certificate.
            if (Chain(status.DebugException).Any(e => e is AuthenticationException))
            {
                return $"cannot reach the server at {address}: TLS handshake failed: {OneLine(Innermost(status.DebugException)!.Message)}";
            }

            return $"cannot reach the server at {address}: {Code(status.StatusCode)}: {OneLine(status.Detail)}{Cause(status.DebugException)}";
        }

        var details = exception.GetRpcStatus();
        var violations = details?.GetDetail<BadRequest>()?.FieldViolations ?? [];
        var text = new StringBuilder();

        // The status detail repeats the first violation; with violations the list says it all.
        text.Append(CultureInfo.InvariantCulture, $"the server at {address} answered {step} with {Code(status.StatusCode)}:");
        text.Append(violations.Count == 0 ? $" {OneLine(status.Detail)}" : string.Empty);
        foreach (var violation in violations)
        {
            var rule = violation.Reason.Length > 0 ? $"{violation.Reason}: " : string.Empty;
            text.Append(CultureInfo.InvariantCulture, $"\n  {violation.Field}: {rule}{OneLine(violation.Description)}");
        }

        if (details?.GetDetail<ErrorInfo>() is { } info)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  reason: {info.Reason}");
            var facts = info.Metadata.Where(m => m.Value.Length > 0).Select(m => $"{m.Key} {OneLine(m.Value)}").ToList();
            if (facts.Count > 0)
            {
                text.Append(" (").AppendJoin(", ", facts).Append(')');
            }
        }

        return text.ToString();
    }

    /// <summary>"INVALID_ARGUMENT", as grpc.io and the server's docs spell the codes.</summary>
    public static string Code(StatusCode code) => code switch
    {
        StatusCode.OK => "OK",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.DataLoss => "DATA_LOSS",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => code.ToString().ToUpperInvariant(),
    };

    // No connection at all: the client's own status (UNAVAILABLE, or INTERNAL for a failed TLS
    // handshake), with the socket or HTTP error as its cause; the server said nothing.
    private static bool Unreachable(Grpc.Core.Status status) =>
        status.StatusCode is StatusCode.Unavailable or StatusCode.Internal && status.DebugException is HttpRequestException or SocketException;

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private static Exception? Innermost(Exception? exception) => Chain(exception).LastOrDefault();

    private static string Cause(Exception? exception) =>
        Innermost(exception) is { } innermost ? $" ({OneLine(innermost.Message)})" : string.Empty;

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}

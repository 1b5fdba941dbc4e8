using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace MuScore.Cli.Tests.Connection;

/// <summary>The errors an authenticating MuScore server answers with: a status, a message and a google.rpc.ErrorInfo.</summary>
internal static class Refusals
{
    public static RpcException MissingScope(string caller, string scope) => Build(
        Code.PermissionDenied,
        $"caller '{caller}' lacks scope {scope}",
        new ErrorInfo { Reason = "MISSING_SCOPE", Domain = "muscore.v1", Metadata = { ["scope"] = scope } });

    public static RpcException NoToken() => Build(
        Code.Unauthenticated,
        "a bearer token or client certificate is required",
        new ErrorInfo { Reason = "NO_CREDENTIALS", Domain = "muscore.v1" });

    private static RpcException Build(Code code, string message, ErrorInfo info) =>
        new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } }.ToRpcException();
}

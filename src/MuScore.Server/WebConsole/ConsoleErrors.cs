using Google.Rpc;
using Grpc.Core;

namespace MuScore.Server.WebConsole;

/// <summary>A refused gRPC call as one line a person can act on: the status, the detail and each field violation.</summary>
internal static class ConsoleErrors
{
    public static string Describe(RpcException refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var text = $"{refused.StatusCode}: {refused.Status.Detail}";
        var status = refused.GetRpcStatus();
        if (status is not null)
        {
            foreach (var detail in status.Details)
            {
                if (detail.TryUnpack<BadRequest>(out var bad))
                {
                    text += string.Concat(bad.FieldViolations.Take(10).Select(v => $" [{v.Field}: {v.Description}]"));
                }
                else if (detail.TryUnpack<ErrorInfo>(out var info))
                {
                    text += $" ({info.Reason})";
                }
            }
        }

        return text.Length > 1024 ? text[..1024] + "…" : text;
    }
}

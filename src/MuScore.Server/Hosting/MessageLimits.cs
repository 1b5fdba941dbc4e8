using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection;

namespace MuScore.Server.Hosting;

/// <summary>
/// Per-message limits, stated so they are decisions rather than defaults (docs/service.md,
/// "Limits"). What bounds a whole SubmitRun is <see cref="Options.LimitsOptions"/>; these bound
/// each message.
/// </summary>
internal static class MessageLimits
{
    /// <summary>
    /// The largest request message, 4 MiB (gRPC's default): a record batch of the advised 1,000
    /// records is about 200 KB, and every other request is far smaller. A larger message is
    /// refused by gRPC itself with RESOURCE_EXHAUSTED before it is parsed. Kestrel's own request
    /// body limit (30 MB) stays above it for unary calls, so that gRPC's clearer status is the one
    /// a client sees; for client streaming calls gRPC lifts Kestrel's limit and MaxRunBytes takes over.
    /// </summary>
    public const int MaxReceiveMessageBytes = 4 * 1024 * 1024;

    public static IServiceCollection AddMessageLimits(this IServiceCollection services) =>
        services.Configure<GrpcServiceOptions>(grpc =>
        {
            grpc.MaxReceiveMessageSize = MaxReceiveMessageBytes;

            // Unbounded on the way out: a SubmitRun or GetRun answer lists every rejected record.
            grpc.MaxSendMessageSize = null;
        });
}

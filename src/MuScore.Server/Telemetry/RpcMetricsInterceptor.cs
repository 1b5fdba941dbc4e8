using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using MuScore.Contracts.V1;

namespace MuScore.Server.Telemetry;

/// <summary>
/// Records <c>muscore.rpc.duration</c> for every call with the status the client finally got, and
/// counts possibly stale answers. ASP.NET Core's own http.server.request.duration cannot tell a
/// gRPC error from success (every gRPC response is HTTP 200), so this is the outermost interceptor:
/// it sees what the error mapping made of a failure.
/// </summary>
internal sealed class RpcMetricsInterceptor(ServerMetrics metrics) : Interceptor
{
    // Boxed once: a status tag per call would otherwise box an int.
    private static readonly object[] StatusCodes = [.. Enumerable.Range(0, 17).Select(code => (object)code)];

    // Keyed by the full method name the framework hands over; bounded by the methods the services map.
    private readonly ConcurrentDictionary<string, MethodTags> methods = new(StringComparer.Ordinal);

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        Task<TResponse> call;
        try
        {
            call = continuation(request, context);
        }
        catch (Exception exception)
        {
            Record(started, Tags(context.Method), StatusOf(exception));
            throw;
        }

        // A read answered from the in-process cache has completed already: no async state machine for it.
        if (call.IsCompletedSuccessfully)
        {
            Answered(started, context, call.Result);
            return call;
        }

        return AwaitUnaryAsync(call, started, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await continuation(requestStream, context).ConfigureAwait(false);
            Record(started, Tags(context.Method), context.Status.StatusCode);
            return response;
        }
        catch (Exception exception)
        {
            Record(started, Tags(context.Method), StatusOf(exception));
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
            Record(started, Tags(context.Method), context.Status.StatusCode);
        }
        catch (Exception exception)
        {
            Record(started, Tags(context.Method), StatusOf(exception));
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
            Record(started, Tags(context.Method), context.Status.StatusCode);
        }
        catch (Exception exception)
        {
            Record(started, Tags(context.Method), StatusOf(exception));
            throw;
        }
    }

    private async Task<TResponse> AwaitUnaryAsync<TResponse>(Task<TResponse> call, long started, ServerCallContext context)
    {
        try
        {
            var response = await call.ConfigureAwait(false);
            Answered(started, context, response);
            return response;
        }
        catch (Exception exception)
        {
            Record(started, Tags(context.Method), StatusOf(exception));
            throw;
        }
    }

    private void Answered<TResponse>(long started, ServerCallContext context, TResponse response)
    {
        var tags = Tags(context.Method);
        Record(started, tags, context.Status.StatusCode);
        if (response is GetRatingResponse { PossiblyStale: true } or BatchGetRatingsResponse { PossiblyStale: true })
        {
            metrics.StaleAnswers.Add(1, tags.Method);
        }
    }

    // The interceptors inside this one turn every failure into an RpcException; anything else would reach the client as UNKNOWN.
    private static StatusCode StatusOf(Exception exception) => exception is RpcException rpc ? rpc.StatusCode : StatusCode.Unknown;

    private void Record(long started, MethodTags tags, StatusCode status)
    {
        var code = (int)status;
        var list = new TagList
        {
            tags.Service,
            tags.Method[0],
            new("rpc.grpc.status_code", (uint)code < StatusCodes.Length ? StatusCodes[code] : code),
        };
        metrics.RpcDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, list);
    }

    private MethodTags Tags(string method) =>
        methods.TryGetValue(method, out var tags) ? tags : methods.GetOrAdd(method, static m => MethodTags.Of(m));

    /// <summary>rpc.service and rpc.method as OpenTelemetry's RPC conventions split "/package.Service/Method".</summary>
    private sealed class MethodTags
    {
        private MethodTags(string service, string method)
        {
            Service = new("rpc.service", service);
            Method = [new("rpc.method", method)];
        }

        public KeyValuePair<string, object?> Service { get; }

        // An array, so the stale-answer counter takes it as a span without building one per call.
        public KeyValuePair<string, object?>[] Method { get; }

        public static MethodTags Of(string fullName)
        {
            var trimmed = fullName.TrimStart('/');
            var slash = trimmed.LastIndexOf('/');
            return slash < 0 ? new(string.Empty, trimmed) : new(trimmed[..slash], trimmed[(slash + 1)..]);
        }
    }
}

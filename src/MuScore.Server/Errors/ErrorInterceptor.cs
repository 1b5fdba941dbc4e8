using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using MuScore.Server.Diagnostics;

namespace MuScore.Server.Errors;

/// <summary>
/// Turns what handlers let escape into the statuses of <see cref="RpcErrors"/>: an unreachable
/// store becomes UNAVAILABLE, anything that fails once the call is cancelled or expired
/// CANCELLED or DEADLINE_EXCEEDED (not logged as a failure), and anything else INTERNAL
/// (logged), never UNKNOWN. Handlers throw <see cref="RpcException"/> for
/// the conditions they detect themselves; those pass through untouched.
/// </summary>
internal sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger, TimeProvider time, DependencyHealth dependencies) : Interceptor
{
    /// <summary>How long an I/O failure waits for the call's cancellation before it counts as a server failure.</summary>
    private static readonly TimeSpan ResetGrace = TimeSpan.FromSeconds(1);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw await TranslateAsync(exception, context).ConfigureAwait(false);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw await TranslateAsync(exception, context).ConfigureAwait(false);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw await TranslateAsync(exception, context).ConfigureAwait(false);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw await TranslateAsync(exception, context).ConfigureAwait(false);
        }
    }

    private async Task<RpcException> TranslateAsync(Exception exception, ServerCallContext context)
    {
        // Kestrel fails the request stream of a call the client reset (IOException, "The client
        // reset the request stream") and cancels the call's token side by side: the exception can
        // arrive a moment before the token says why. Give it that moment before calling it a bug.
        // A write on a stream the deadline has just completed fails the same way ("Writing is not
        // allowed after writer was completed", InvalidOperationException), also a moment early.
        if (exception is IOException or InvalidOperationException or OperationCanceledException && !context.CancellationToken.IsCancellationRequested)
        {
            await EndedWithinAsync(ResetGrace, context.CancellationToken).ConfigureAwait(false);
        }

        // Once the client has cancelled, reset the stream or let its deadline pass, whatever the
        // handler was doing fails as a consequence, and not only with OperationCanceledException.
        // None of it is a server fault; the client gets CANCELLED or DEADLINE_EXCEEDED.
        var deadlinePassed = context.Deadline <= time.GetUtcNow().UtcDateTime;
        if (context.CancellationToken.IsCancellationRequested || deadlinePassed)
        {
            Log.CallEnded(logger, context.Method, deadlinePassed ? "DEADLINE_EXCEEDED" : "CANCELLED", LogValues.Cut(exception.Message));
            return RpcErrors.Ended(deadlinePassed);
        }

        if (StoreFailures.IsUnavailable(exception))
        {
            dependencies.Failed(DependencyHealth.Database, exception);
            Log.StoreUnavailable(logger, context.Method, LogValues.Cut(exception.Message));
            return RpcErrors.StoreUnavailable();
        }

        Log.UnexpectedFailure(logger, context.Method, exception);
        return RpcErrors.Unexpected();
    }

    private async Task EndedWithinAsync(TimeSpan grace, CancellationToken call)
    {
        try
        {
            await Task.Delay(grace, time, call).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The call did end: what the caller checks next.
        }
    }
}

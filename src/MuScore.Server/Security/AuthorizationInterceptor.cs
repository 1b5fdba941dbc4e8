using Grpc.Core;
using Grpc.Core.Interceptors;
using MuScore.Server.Errors;

namespace MuScore.Server.Security;

/// <summary>
/// Runs before every handler: establishes the caller (<see cref="CallerResolver"/>) and checks the
/// scope <see cref="RpcPermissions"/> names for the method, so no work is done for a caller that
/// may not call it. Region checks and field minimisation need the request and happen in the
/// handlers, through <see cref="CallerAccess"/>.
/// </summary>
internal sealed class AuthorizationInterceptor(CallerResolver resolver) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context).ConfigureAwait(false);
        return await continuation(request, context).ConfigureAwait(false);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context).ConfigureAwait(false);
        return await continuation(requestStream, context).ConfigureAwait(false);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context).ConfigureAwait(false);
        await continuation(request, responseStream, context).ConfigureAwait(false);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthorizeAsync(context).ConfigureAwait(false);
        await continuation(requestStream, responseStream, context).ConfigureAwait(false);
    }

    private async ValueTask AuthorizeAsync(ServerCallContext context)
    {
        var method = context.Method;
        if (!RpcPermissions.TryGetRequired(method, out var scope))
        {
            throw RpcErrors.MethodClosed(method);
        }

        if (scope == RpcPermissions.Open)
        {
            return;
        }

        var caller = await resolver.ResolveAsync(context).ConfigureAwait(false);
        if (!caller.Has(scope))
        {
            throw RpcErrors.MissingScope(caller.Id, method, scope);
        }

        CallerAccess.Set(context, caller);
    }
}

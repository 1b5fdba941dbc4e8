using Grpc.Core;
using Grpc.Core.Interceptors;
using MuScore.Server.Auditing;
using MuScore.Server.Errors;

namespace MuScore.Server.Security;

/// <summary>
/// Runs before every handler: establishes the caller (<see cref="CallerResolver"/>) and checks the
/// scope <see cref="RpcPermissions"/> names for the method, so no work is done for a caller that
/// may not call it. Region checks, four eyes and field minimisation need the request and happen in
/// the handlers, through <see cref="CallerAccess"/>. A refused call to a write RPC, here or in its
/// handler, is written to the audit log; every allowed read is counted.
/// </summary>
internal sealed class AuthorizationInterceptor(CallerResolver resolver, RefusalRecorder refusals, ReadCounter reads) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var caller = await AuthorizeAsync(context).ConfigureAwait(false);
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (RpcException refused) when (IsAuditedRefusal(context, refused))
        {
            await refusals.RecordAsync(context, caller, refused).ConfigureAwait(false);
            throw;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var caller = await AuthorizeAsync(context).ConfigureAwait(false);
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (RpcException refused) when (IsAuditedRefusal(context, refused))
        {
            await refusals.RecordAsync(context, caller, refused).ConfigureAwait(false);
            throw;
        }
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

    /// <summary>Refusals of a write RPC: no credential, no right, or over a limit.</summary>
    private static bool IsAuditedRefusal(ServerCallContext context, RpcException refused) =>
        refused.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.ResourceExhausted
        && RpcPermissions.IsWrite(context.Method);

    private async ValueTask<Caller?> AuthorizeAsync(ServerCallContext context)
    {
        var method = context.Method;
        if (!RpcPermissions.TryGetRequired(method, out var scope))
        {
            throw RpcErrors.MethodClosed(method);
        }

        if (scope == RpcPermissions.Open)
        {
            return null;
        }

        var write = RpcPermissions.IsWrite(method);
        Caller caller;
        try
        {
            caller = await resolver.ResolveAsync(context).ConfigureAwait(false);
        }
        catch (RpcException refused) when (write)
        {
            await refusals.RecordAsync(context, null, refused).ConfigureAwait(false);
            throw;
        }

        if (!caller.Has(scope))
        {
            var refused = RpcErrors.MissingScope(caller.Id, method, scope);
            if (write)
            {
                await refusals.RecordAsync(context, caller, refused).ConfigureAwait(false);
            }

            throw refused;
        }

        if (!write)
        {
            reads.Count(caller.Id, method);
        }

        CallerAccess.Set(context, caller);
        return caller;
    }
}

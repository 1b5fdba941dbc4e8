using Grpc.Core;

namespace MuScore.Server.Security;

/// <summary>
/// The caller of the current call, as <see cref="AuthorizationInterceptor"/> established it
/// before the handler ran. Handlers ask here, never the HTTP context, so there is one answer.
/// </summary>
internal static class CallerAccess
{
    private static readonly object Key = new();

    /// <summary>The authorised caller of this call.</summary>
    /// <exception cref="InvalidOperationException">The interceptor did not run: a wiring defect, never a client's fault.</exception>
    public static Caller Current(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetHttpContext().Items.TryGetValue(Key, out var value) && value is Caller caller
            ? caller
            : throw new InvalidOperationException($"no caller was established for {context.Method}: the authorization interceptor did not run");
    }

    /// <summary>Records the caller for the rest of the call.</summary>
    public static void Set(ServerCallContext context, Caller caller) => context.GetHttpContext().Items[Key] = caller;
}

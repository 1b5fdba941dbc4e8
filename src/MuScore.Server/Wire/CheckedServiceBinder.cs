using Grpc.Core;

namespace MuScore.Server.Wire;

/// <summary>
/// Passes a generated service's methods on to Grpc.AspNetCore's binder with checked request
/// marshallers (<see cref="CheckedMarshallers"/>). The generated <c>BindService</c> calls it
/// once per method at start-up; the handlers themselves are still found by Grpc.AspNetCore on the
/// service class, by method name, as without it.
/// </summary>
internal sealed class CheckedServiceBinder(ServiceBinderBase inner) : ServiceBinderBase
{
    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(CheckedMarshallers.Checked(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(CheckedMarshallers.Checked(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(CheckedMarshallers.Checked(method), handler);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        inner.AddMethod(CheckedMarshallers.Checked(method), handler);
}

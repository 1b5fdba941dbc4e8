using System.Buffers;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Grpc.Core;
using MuScore.Server.Errors;

namespace MuScore.Server.Wire;

/// <summary>
/// Request marshallers that answer a message Google.Protobuf cannot parse (invalid UTF-8 in a
/// string field, truncated or garbage bytes) with INVALID_ARGUMENT naming the field
/// (<see cref="WireFieldLocator"/>). Without them the parser's exception escapes where no
/// handler or interceptor can see it: Grpc.AspNetCore reads a unary request before the
/// interceptors run and answers UNKNOWN ("Exception was thrown by handler"), and inside a stream
/// the exception surfaces from MoveNext as an unexpected failure (INTERNAL, logged as a bug).
/// Parsing itself is unchanged: the wrapper only acts when the parser throws.
/// </summary>
internal static class CheckedMarshallers
{
    /// <summary>The method with its request deserializer checked; everything else as generated.</summary>
    public static Method<TRequest, TResponse> Checked<TRequest, TResponse>(Method<TRequest, TResponse> method)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(method);
        var descriptor = DescriptorOf(typeof(TRequest));
        var parse = method.RequestMarshaller.ContextualDeserializer;
        var marshaller = new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, context =>
        {
            try
            {
                return parse(context);
            }
            catch (InvalidProtocolBufferException exception)
            {
                throw Refusal(context, descriptor, exception);
            }
        });
        return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
    }

    private static RpcException Refusal(DeserializationContext context, MessageDescriptor? descriptor, InvalidProtocolBufferException exception)
    {
        // Only on failure: the payload is copied once to be walked.
        var fault = descriptor is null ? null : WireFieldLocator.Find(context.PayloadAsReadOnlySequence().ToArray(), descriptor);
        fault ??= new WireFault(string.Empty, WireFieldLocator.MalformedRule, $"the request is not a valid {descriptor?.Name ?? "protobuf"} message: {EchoText.Bound(exception.Message, 256)}");
        return RpcErrors.InvalidArgument([new BadRequest.Types.FieldViolation { Field = fault.Field, Reason = fault.Rule, Description = fault.Description }]);
    }

    // Generated messages expose their descriptor as a static property.
    private static MessageDescriptor? DescriptorOf(Type message) =>
        message.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as MessageDescriptor;
}

using System.Buffers.Binary;
using Google.Protobuf;

namespace MuScore.LoadBench.Common;

/// <summary>
/// A gRPC request body as h2load sends it with <c>-d</c>: one length-prefixed message
/// (1 byte 0 = not compressed, 4-byte big-endian length, the serialized message).
/// </summary>
internal static class GrpcBody
{
    private const int PrefixLength = 5;

    public static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var body = new byte[PrefixLength + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(1), payload.Length);
        payload.CopyTo(body, PrefixLength);
        return body;
    }

    public static T Read<T>(string file, MessageParser<T> parser)
        where T : IMessage<T>
    {
        var body = File.ReadAllBytes(file);
        if (body.Length < PrefixLength || body[0] != 0 || BinaryPrimitives.ReadInt32BigEndian(body.AsSpan(1)) != body.Length - PrefixLength)
        {
            throw new OptionException($"{file} is not one uncompressed length-prefixed gRPC message");
        }

        return parser.ParseFrom(body, PrefixLength, body.Length - PrefixLength);
    }
}

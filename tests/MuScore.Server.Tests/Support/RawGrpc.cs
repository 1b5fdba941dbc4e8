using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Core;

namespace MuScore.Server.Tests.Support;

/// <summary>
/// gRPC by hand over HTTP/2 (prior knowledge, no TLS): frames of arbitrary bytes, so a test can
/// send what no generated client would (invalid UTF-8, truncated or garbage protobuf), and reads
/// the status from the headers or trailers as any client would.
/// </summary>
internal static class RawGrpc
{
    /// <summary>One length-prefixed message: a 0 byte (not compressed), the length big-endian, the bytes.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), message.Length);
        message.CopyTo(frame.AsSpan(5));
        return frame;
    }

    /// <summary>A length-delimited field (string, bytes or message) with any bytes as its content.</summary>
    public static byte[] Field(int number, ReadOnlySpan<byte> content)
    {
        using var memory = new MemoryStream();
        using (var output = new CodedOutputStream(memory, leaveOpen: true))
        {
            output.WriteTag(number, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(content));
        }

        return memory.ToArray();
    }

    /// <summary>A length-delimited field holding UTF-8 text.</summary>
    public static byte[] Field(int number, string text) => Field(number, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>POSTs the frames as one request body to <paramref name="method"/> ("/package.Service/Method") and reads the answer.</summary>
    public static Task<RawReply> CallAsync(Uri server, string method, params byte[][] frames) =>
        SendAsync(server, method, new ByteArrayContent([.. frames.SelectMany(f => f)]), timeout: null);

    /// <summary>
    /// Sends the frames with a <c>grpc-timeout</c> and keeps the request stream open, as a client
    /// that has more to send, until the server answers: unlike a generated client, which enforces
    /// the deadline itself, nothing here ends the call but the server.
    /// </summary>
    public static async Task<RawReply> CallHeldOpenAsync(Uri server, string method, TimeSpan timeout, params byte[][] frames)
    {
        using var answered = new CancellationTokenSource();
        try
        {
            return await SendAsync(server, method, new HeldOpenContent([.. frames.SelectMany(f => f)], answered.Token), timeout);
        }
        finally
        {
            await answered.CancelAsync();
        }
    }

    /// <summary>
    /// Sends the frames with a <c>grpc-timeout</c>, then reads nothing of the answer for
    /// <paramref name="readAfter"/>: a server stream fills the HTTP/2 window and the server's own
    /// deadline cuts it off mid-write, which a generated client (ending the call itself) never shows.
    /// A stream reset with HTTP/2 CANCEL answers CANCELLED, as the gRPC HTTP/2 protocol maps it
    /// (Grpc.AspNetCore resets a stream whose deadline passes while a write waits for the window).
    /// </summary>
    public static async Task<RawReply> CallReadingLateAsync(Uri server, string method, TimeSpan timeout, TimeSpan readAfter, params byte[][] frames)
    {
        try
        {
            return await SendAsync(server, method, new ByteArrayContent([.. frames.SelectMany(f => f)]), timeout, readAfter);
        }
        catch (HttpRequestException exception) when (exception.InnerException is HttpProtocolException { ErrorCode: CancelErrorCode })
        {
            return new RawReply(StatusCode.Cancelled, exception.InnerException.Message, null, 0, 0);
        }
    }

    private const long CancelErrorCode = 0x8;

    private static async Task<RawReply> SendAsync(Uri server, string method, HttpContent content, TimeSpan? timeout, TimeSpan readAfter = default)
    {
        using var handler = new SocketsHttpHandler();
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var owned = content;
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, method))
        {
            Content = content,

            // Without TLS there is no negotiation: HTTP/2 must be asked for exactly ("prior knowledge").
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        if (timeout is { } limit)
        {
            request.Headers.Add("grpc-timeout", string.Create(CultureInfo.InvariantCulture, $"{(long)limit.TotalMilliseconds}m"));
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await Task.Delay(readAfter);

        // A call that fails before any message answers "trailers-only": the status is in the
        // headers, and the server may reset the stream at once to stop a request still being sent.
        var trailersOnly = response.Headers.Contains("grpc-status");
        var body = trailersOnly ? [] : await response.Content.ReadAsByteArrayAsync();
        var source = trailersOnly ? (HttpHeaders)response.Headers : response.TrailingHeaders;
        var status = (StatusCode)int.Parse(Single(response, source, "grpc-status"), CultureInfo.InvariantCulture);
        var message = source.TryGetValues("grpc-message", out var messages) ? Uri.UnescapeDataString(messages.Single()) : string.Empty;
        byte[]? details = source.TryGetValues("grpc-status-details-bin", out var values) ? Base64(values.Single()) : null;
        return new RawReply(status, message, details is null ? null : Google.Rpc.Status.Parser.ParseFrom(details), details?.Length ?? 0, body.Length);
    }

    private static string Single(HttpResponseMessage response, HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.Single()
        : throw new InvalidOperationException($"the answer (HTTP {(int)response.StatusCode}, version {response.Version}) has no {name}: headers {response.Headers}; trailers {response.TrailingHeaders}");

    // gRPC sends binary headers as base64 without padding.
    private static byte[] Base64(string text) => Convert.FromBase64String(text.PadRight(text.Length + (4 - text.Length % 4) % 4, '='));
}

/// <summary>A request body that writes its frames, then stays open until the call is answered.</summary>
internal sealed class HeldOpenContent(byte[] frames, CancellationToken answered) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(frames);
        await stream.FlushAsync();
        try
        {
            await Task.Delay(Timeout.Infinite, answered);
        }
        catch (OperationCanceledException)
        {
            // Answered: the request ends here.
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>What a raw call answered: the status, its message, the google.rpc.Status details and their serialized size.</summary>
internal sealed record RawReply(StatusCode Status, string Message, Google.Rpc.Status? Details, int DetailsBytes, int BodyBytes);

using System.Net.Security;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MuScore.Contracts.V1;
using MuScore.Server.Security;

namespace MuScore.Server.WebConsole;

/// <summary>
/// The console's way to act: a gRPC client of this very server over loopback, carrying the
/// signed-in person's token. Every change the console makes therefore passes the same
/// interceptor (scope), handler checks (region, four eyes), audit log and validation as a call
/// from any other client; the console cannot do more than the person's token allows.
/// Over https it trusts exactly the server's own certificate.
/// </summary>
internal sealed class ConsoleApi : IDisposable
{
    /// <summary>A SubmitRun answer lists every rejected record; a large file of bad rows outgrows gRPC's 4 MB default.</summary>
    private const int MaxReceiveBytes = 256 * 1024 * 1024;

    private readonly GrpcChannel channel;

    public ConsoleApi(IConfiguration configuration, IOptions<TlsOptions> tls)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(tls);
        Address = OwnAddress(configuration[ServerHost.UrlsKey] ?? ServerHost.DefaultUrl);
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        if (Address.Scheme == Uri.UriSchemeHttps && tls.Value.Configured)
        {
            var own = TlsFiles.LoadServerCertificate(tls.Value).GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                // Loopback to ourselves: the name on the certificate may be the public one, so the
                // certificate itself is pinned instead of its name being checked.
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && string.Equals(certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), own, StringComparison.OrdinalIgnoreCase),
            };
        }

        channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = handler, MaxReceiveMessageSize = MaxReceiveBytes, DisposeHttpClient = true });
    }

    /// <summary>The gRPC address the console calls.</summary>
    public Uri Address { get; }

    public EvaluationService.EvaluationServiceClient Evaluation => new(channel);

    public RatingService.RatingServiceClient Ratings => new(channel);

    public ReviewService.ReviewServiceClient Review => new(channel);

    /// <summary>Call options carrying the person's token (none for the anonymous loopback caller).</summary>
    public static CallOptions As(ConsoleUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var headers = new Metadata();
        if (user.Token is { } token)
        {
            headers.Add("authorization", "Bearer " + token);
        }

        return new CallOptions(headers, DateTime.UtcNow.AddMinutes(10), cancellationToken);
    }

    public void Dispose() => channel.Dispose();

    /// <summary>The first gRPC URL the server listens on, with a wildcard host made loopback.</summary>
    internal static Uri OwnAddress(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        var builder = new UriBuilder(first.Replace("://*", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0")
        {
            builder.Host = "127.0.0.1";
        }
        else if (builder.Host is "[::]" or "::")
        {
            builder.Host = "[::1]";
        }

        return builder.Uri;
    }
}

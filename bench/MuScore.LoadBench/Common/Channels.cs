using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;

namespace MuScore.LoadBench.Common;

/// <summary>gRPC channels of the measuring clients.</summary>
internal static class Channels
{
    /// <summary>A channel allowing large answers: a SubmitRun reply or a 1,000-rating batch exceeds 4 MB at worst.</summary>
    public static GrpcChannel Open(Uri server) => GrpcChannel.ForAddress(server, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = 512 * 1024 * 1024,
    });

    /// <summary>
    /// A channel to an https:// server trusting only <see cref="ChannelSecurity.Authority"/> (as the
    /// test helpers do) and sending the bearer token on every call; a plain channel without them.
    /// </summary>
    public static GrpcChannel Open(Uri server, ChannelSecurity security)
    {
        ArgumentNullException.ThrowIfNull(security);
        if (server.Scheme != Uri.UriSchemeHttps)
        {
            return security.Token is null ? Open(server) : throw new OptionException("--token needs an https:// --server: tokens are not sent in plaintext");
        }

        if (security.Authority is null)
        {
            throw new OptionException("an https:// --server needs --ca FILE, the CA its certificate chains to");
        }

        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => security.Trusts(certificate as X509Certificate2);
        var options = new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true, MaxReceiveMessageSize = 512 * 1024 * 1024 };
        if (security.Token is { } token)
        {
            var bearer = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {token}");
                return Task.CompletedTask;
            });
            options.Credentials = ChannelCredentials.Create(ChannelCredentials.SecureSsl, bearer);
        }

        return GrpcChannel.ForAddress(server, options);
    }
}

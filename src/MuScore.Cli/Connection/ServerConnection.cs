using System.Net.Http;
using System.Net.Security;
using Grpc.Core;
using Grpc.Net.Client;
using MuScore.Cli.Publishing;

namespace MuScore.Cli.Connection;

/// <summary>
/// The one place the command line opens a gRPC channel to a MuScore server (publish, lists,
/// summary and whatever comes next): TLS with the trust of <see cref="ServerTrust"/> and an
/// optional client certificate, the bearer token on every call, and every failed call turned
/// into exit code 4 with <see cref="ServerErrorText"/>'s text.
/// </summary>
internal sealed class ServerConnection : IDisposable
{
    private readonly ConnectionOptions options;
    private readonly ServerTrust? trust;
    private readonly ClientCertificate? clientCertificate;

    private ServerConnection(ConnectionOptions options, GrpcChannel channel, ServerTrust? trust, ClientCertificate? clientCertificate)
    {
        this.options = options;
        Channel = channel;
        this.trust = trust;
        this.clientCertificate = clientCertificate;
    }

    /// <summary>The channel; calls on it carry the token.</summary>
    public GrpcChannel Channel { get; }

    /// <summary>The server's address, as --server gave it.</summary>
    public Uri Server => options.Server;

    /// <summary>
    /// Loads the certificates and builds the channel; nothing is sent until the first call.
    /// <paramref name="maxReceiveBytes"/> and <paramref name="maxSendBytes"/> override gRPC's
    /// message size limits (null keeps the default).
    /// </summary>
    /// <exception cref="CommandFailure">A certificate or key file is missing or unreadable (exit code 2).</exception>
    public static ServerConnection Open(ConnectionOptions options, int? maxReceiveBytes = null, int? maxSendBytes = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ServerTrust? trust = null;
        ClientCertificate? clientCertificate = null;
        var handler = new SocketsHttpHandler
        {
            // A host that drops packets would otherwise hold the command for minutes.
            ConnectTimeout = TimeSpan.FromSeconds(15),
            EnableMultipleHttp2Connections = true,
        };
        try
        {
            if (options.UsesTls)
            {
                trust = options.CaFile is { } ca ? ServerTrust.FromCaFile(ca) : ServerTrust.System();
                clientCertificate = options.CertificateFile is { } certificate ? ClientCertificate.Load(certificate, options.KeyFile!) : null;
                handler.SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = trust.Validate,
                    ClientCertificateContext = clientCertificate?.Context,
                };
            }

            var channelOptions = new GrpcChannelOptions
            {
                HttpHandler = handler,
                DisposeHttpClient = true,
                MaxReceiveMessageSize = maxReceiveBytes,
                MaxSendMessageSize = maxSendBytes,
            };
            if (options.Token is { } token)
            {
                channelOptions.Credentials = BearerCredentials(token, options.UsesTls);

                // ConnectionOptions has refused a token over plain http to any host but this one.
                channelOptions.UnsafeUseInsecureChannelCallCredentials = !options.UsesTls;
            }

            return new ServerConnection(options, GrpcChannel.ForAddress(options.Server, channelOptions), trust, clientCertificate);
        }
        catch
        {
            handler.Dispose();
            trust?.Dispose();
            clientCertificate?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs one call (<paramref name="step"/> names it in messages, e.g. "SubmitRun"); a failure
    /// becomes exit code 4 with the server's status and details, then <paramref name="hint"/>'s
    /// sentence for it, if any.
    /// </summary>
    /// <exception cref="CommandFailure">The call failed (exit code 4).</exception>
    public async Task<T> CallAsync<T>(string step, Func<Task<T>> call, Func<RpcException, string>? hint = null)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException exception)
        {
            var text = ServerErrorText.Format(exception, Server, step, trust?.Problem) + TokenHint(exception) + hint?.Invoke(exception);
            throw new CommandFailure(ExitCodes.ServerError, text);
        }
    }

    public void Dispose()
    {
        Channel.Dispose();
        trust?.Dispose();
        clientCertificate?.Dispose();
    }

    private static ChannelCredentials BearerCredentials(BearerToken token, bool tls)
    {
        var bearer = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("authorization", token.AuthorizationHeader);
            return Task.CompletedTask;
        });
        return ChannelCredentials.Create(tls ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, bearer);
    }

    private string TokenHint(RpcException exception) =>
        exception.StatusCode == StatusCode.Unauthenticated && options.Token is null
            ? $"\n  no token was sent: give --token TOKEN or @FILE, or set {ConnectionOptions.TokenVariable} ('muscore token issue' makes one)"
            : string.Empty;
}

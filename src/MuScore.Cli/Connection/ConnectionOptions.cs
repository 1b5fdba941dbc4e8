using MuScore.Cli.Arguments;

namespace MuScore.Cli.Connection;

/// <summary>
/// How a command reaches a MuScore server and proves who it calls as: the address, a bearer
/// token, the CA that signed the server's certificate, and a client certificate for mutual TLS.
/// Checked before anything is sent, so that a mistake is exit code 2 and a token never crosses
/// the network in clear.
/// </summary>
/// <param name="Server">The http:// or https:// address.</param>
/// <param name="Token">Sent as "authorization: Bearer …" on every call; null sends none.</param>
/// <param name="CaFile">PEM certificates that alone are trusted as roots for the server's certificate; null trusts the system store.</param>
/// <param name="CertificateFile">The client certificate (PEM), with <paramref name="KeyFile"/>; null presents none.</param>
/// <param name="KeyFile">The client certificate's private key (PEM).</param>
internal sealed record ConnectionOptions(Uri Server, BearerToken? Token, string? CaFile, string? CertificateFile, string? KeyFile)
{
    /// <summary>Stands in for --token when the command line has none.</summary>
    public const string TokenVariable = "MUSCORE_TOKEN";

    /// <summary>The usage line's tail for the credential options.</summary>
    public const string Usage = "[--token TOKEN|@FILE] [--ca CA.pem] [--cert CLIENT.pem --key CLIENT.key.pem]";

    /// <summary>The help paragraph every server command ends with.</summary>
    public const string Details =
        "--token (or MUSCORE_TOKEN) goes as 'authorization: Bearer TOKEN' on every call, never over plain\n" +
        "http:// to another host. With https://, --ca trusts a private CA instead of the system store and\n" +
        "--cert/--key present a client certificate (mutual TLS). UNAUTHENTICATED and PERMISSION_DENIED\n" +
        "are exit code 4 with the server's reason.";

    /// <summary>--server, first among a command's options.</summary>
    public static OptionSpec ServerSpec { get; } =
        OptionSpec.Value("server", "URL", "the MuScore server, e.g. http://127.0.0.1:5080 or https://muscore.example:5443", required: true);

    /// <summary>--token, --ca, --cert, --key, last among a command's options.</summary>
    public static IReadOnlyList<OptionSpec> CredentialSpecs { get; } =
    [
        OptionSpec.Value("token", "TOKEN|@FILE", "bearer token for every call (see 'muscore token issue'); @FILE reads it from a file", environmentVariable: TokenVariable),
        OptionSpec.Value("ca", "CA.pem", "https: trust this CA (PEM) for the server's certificate instead of the system store"),
        OptionSpec.Value("cert", "CLIENT.pem", "https: client certificate (PEM) for mutual TLS, with --key"),
        OptionSpec.Value("key", "CLIENT.key.pem", "https: the client certificate's unencrypted private key (PEM), with --cert"),
    ];

    /// <summary>Whether the connection is TLS (https://).</summary>
    public bool UsesTls => Server.Scheme == Uri.UriSchemeHttps;

    /// <exception cref="CommandFailure">A value is malformed or the options do not go together (exit code 2).</exception>
    public static ConnectionOptions From(ParsedArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var server = ServerArguments.Server(args);
        var ca = args.Value("ca");
        var certificate = args.Value("cert");
        var key = args.Value("key");
        if ((certificate is null) != (key is null))
        {
            throw CommandFailure.Usage("--cert and --key go together: give both or neither");
        }

        if (server.Scheme != Uri.UriSchemeHttps && (ca ?? certificate) is not null)
        {
            throw CommandFailure.Usage($"--ca, --cert and --key are for TLS; --server '{server}' is not https://");
        }

        var tokenArgument = args.Value("token");
        var tokenSource = args.Source("token");

        // Checked before the token is even read: on plain http anyone on the path could replay it.
        if (tokenArgument is not null && server.Scheme == Uri.UriSchemeHttp && !server.IsLoopback)
        {
            var given = tokenSource == TokenVariable ? $"; the token comes from {TokenVariable}" : string.Empty;
            throw CommandFailure.BadInput($"a token must not cross the network in clear; use https:// (--server '{server}' is plain http:// to another host{given})");
        }

        return new ConnectionOptions(server, tokenArgument is null ? null : BearerToken.From(tokenArgument, tokenSource), ca, certificate, key);
    }
}

namespace MuScore.Server.Security;

/// <summary>
/// TLS for Kestrel (section <c>MuScore:Tls</c>, docs/security.md): a PEM certificate and key for
/// every <c>https://</c> URL, and optionally the CA that client certificates must chain to.
/// </summary>
public sealed class TlsOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "MuScore:Tls";

    /// <summary>The server certificate (PEM, leaf first, intermediates after it).</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The server certificate's private key (PEM, PKCS#8 or RSA/EC).</summary>
    public string? KeyFile { get; set; }

    /// <summary>The CA (PEM) client certificates must be issued by; without it client certificates are not asked for.</summary>
    public string? ClientCaFile { get; set; }

    /// <summary>
    /// Serves plain HTTP/2 (h2c) on addresses other than loopback (default false: refused), for
    /// a TLS-terminating proxy in front of the server. Warned about at every start.
    /// </summary>
    public bool AllowPlaintext { get; set; }

    /// <summary>True when a server certificate is configured.</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(CertificateFile) || !string.IsNullOrWhiteSpace(KeyFile);
}

using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MuScore.Cli.Connection;

/// <summary>The client certificate of <c>--cert</c> and <c>--key</c>, ready to present in the TLS handshake.</summary>
internal sealed class ClientCertificate : IDisposable
{
    private readonly X509Certificate2 certificate;
    private readonly X509Certificate2Collection intermediates;

    private ClientCertificate(X509Certificate2 certificate, X509Certificate2Collection intermediates)
    {
        this.certificate = certificate;
        this.intermediates = intermediates;

        // offline: the chain to send is built from the file and the local stores, never fetched.
        Context = SslStreamCertificateContext.Create(certificate, intermediates, offline: true);
    }

    /// <summary>
    /// What <see cref="SslClientAuthenticationOptions.ClientCertificateContext"/> takes: presented
    /// whatever CA names the server asks for, so that a mismatch shows as the server's refusal.
    /// </summary>
    public SslStreamCertificateContext Context { get; }

    /// <summary>
    /// Loads the first certificate of <paramref name="certificateFile"/> with the private key of
    /// <paramref name="keyFile"/> ("PRIVATE KEY", "RSA PRIVATE KEY" or "EC PRIVATE KEY"); further
    /// certificates in the file are sent along as intermediates.
    /// </summary>
    /// <exception cref="CommandFailure">A file is missing, or the key does not load or does not match the certificate (exit code 2).</exception>
    public static ClientCertificate Load(string certificateFile, string keyFile)
    {
        ArgumentNullException.ThrowIfNull(certificateFile);
        ArgumentNullException.ThrowIfNull(keyFile);
        foreach (var (option, path) in new[] { ("--cert", certificateFile), ("--key", keyFile) })
        {
            if (!File.Exists(path))
            {
                throw CommandFailure.BadInput($"{option} file '{path}' does not exist");
            }
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
            if (OperatingSystem.IsWindows())
            {
                // Windows' TLS stack cannot use a key that exists only in memory; a PKCS#12 round
                // trip gives it one it can. Elsewhere the certificate is used as loaded.
                using var inMemory = certificate;
                certificate = X509CertificateLoader.LoadPkcs12(inMemory.Export(X509ContentType.Pkcs12), password: null);
            }
        }
        catch (CryptographicException exception)
        {
            throw CommandFailure.BadInput($"--cert '{certificateFile}' with --key '{keyFile}' does not load (an unencrypted PEM key matching the certificate is needed): {exception.Message}");
        }

        var intermediates = new X509Certificate2Collection();
        intermediates.ImportFromPemFile(certificateFile);
        foreach (var same in intermediates.Where(c => c.Thumbprint == certificate.Thumbprint).ToList())
        {
            intermediates.Remove(same);
            same.Dispose();
        }

        return new ClientCertificate(certificate, intermediates);
    }

    public void Dispose()
    {
        certificate.Dispose();
        foreach (var intermediate in intermediates)
        {
            intermediate.Dispose();
        }
    }
}

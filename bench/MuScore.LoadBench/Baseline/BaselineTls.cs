using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using MuScore.LoadBench.Common;

namespace MuScore.LoadBench.Baseline;

/// <summary>
/// The baseline's TLS, set up as src/MuScore.Server/ServerHost.cs and Security/TlsFiles.cs set up
/// MuScore's, from the same settings (<c>MuScore:Tls:CertificateFile</c> and <c>KeyFile</c>, PEM):
/// the certificate round-tripped through PKCS#12, TLS 1.2 and 1.3, the defaults of every https://
/// URL. Copied, not referenced, so the baseline carries nothing else of the server; no client
/// certificates are asked for (the load presents none, and MuScore is run without ClientCaFile).
/// </summary>
internal static class BaselineTls
{
    private const string CertificateKey = "MuScore:Tls:CertificateFile";
    private const string KeyKey = "MuScore:Tls:KeyFile";

    /// <summary>The server certificate the settings name, loaded at start so a bad file stops the baseline at once; null without TLS settings.</summary>
    public static X509Certificate2? Certificate(IConfiguration configuration)
    {
        var certificateFile = configuration[CertificateKey];
        var keyFile = configuration[KeyKey];
        if (string.IsNullOrEmpty(certificateFile) && string.IsNullOrEmpty(keyFile))
        {
            return null;
        }

        return string.IsNullOrEmpty(certificateFile) || string.IsNullOrEmpty(keyFile)
            ? throw new OptionException($"TLS needs both --{CertificateKey} and --{KeyKey}")
            : Load(certificateFile, keyFile);
    }

    /// <summary>Makes <paramref name="certificate"/> the certificate of every https:// URL, with MuScore's protocol versions.</summary>
    public static void Use(KestrelServerOptions kestrel, X509Certificate2 certificate) =>
        kestrel.ConfigureHttpsDefaults(https =>
        {
            https.ServerCertificate = certificate;
            https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        });

    private static X509Certificate2 Load(string certificateFile, string keyFile)
    {
        try
        {
            using var loaded = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);

            // As TlsFiles: a PEM key is ephemeral, and the PKCS#12 round trip gives SslStream one it can use everywhere.
            return X509CertificateLoader.LoadPkcs12(loaded.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException)
        {
            throw new OptionException($"--{CertificateKey} {certificateFile} / --{KeyKey} {keyFile}: {e.Message}", e);
        }
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MuScore.Server.Hosting;

namespace MuScore.Server.Security;

/// <summary>Reads the PEM files of <see cref="TlsOptions"/>; a missing or bad file stops the server naming its setting.</summary>
internal static class TlsFiles
{
    /// <summary>The server certificate with its private key, usable by Kestrel.</summary>
    public static X509Certificate2 LoadServerCertificate(TlsOptions tls)
    {
        var certificateFile = Required(tls.CertificateFile, "CertificateFile");
        var keyFile = Required(tls.KeyFile, "KeyFile");
        Readable(certificateFile, "CertificateFile");
        Readable(keyFile, "KeyFile");
        try
        {
            using var loaded = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);

            // A PEM key is ephemeral; exporting to PKCS#12 and back gives SslStream a key it can use on every platform.
            return X509CertificateLoader.LoadPkcs12(loaded.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            // ArgumentException: a readable key that belongs to another certificate (a renewal with the old key file).
            throw new ServerConfigurationException($"{TlsOptions.Section}:CertificateFile/KeyFile: '{certificateFile}' and '{keyFile}' are not a PEM certificate and its private key: {e.Message}", e);
        }
    }

    /// <summary>The CA certificates (PEM, one or more) client certificates must chain to.</summary>
    public static X509Certificate2Collection LoadAuthorities(string file)
    {
        Readable(file, "ClientCaFile");
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(file);
        }
        catch (CryptographicException e)
        {
            throw new ServerConfigurationException($"{TlsOptions.Section}:ClientCaFile: '{file}' is not a PEM certificate file: {e.Message}", e);
        }

        return authorities.Count > 0
            ? authorities
            : throw new ServerConfigurationException($"{TlsOptions.Section}:ClientCaFile: '{file}' holds no '-----BEGIN CERTIFICATE-----' block");
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new ServerConfigurationException($"{TlsOptions.Section}:{name} is required: TLS needs both {TlsOptions.Section}:CertificateFile and {TlsOptions.Section}:KeyFile (PEM)")
            : value;

    private static void Readable(string file, string name)
    {
        if (!File.Exists(file))
        {
            throw new ServerConfigurationException($"{TlsOptions.Section}:{name}: the file '{file}' does not exist");
        }
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MuScore.TestSupport.Security;

/// <summary>
/// A certificate authority made in the test (<see cref="CertificateRequest"/>), with a server
/// certificate for 127.0.0.1 and localhost and client certificates on demand; the PEM files the
/// server reads are written to a temporary directory, deleted on dispose.
/// </summary>
public sealed class TestPki : IDisposable
{
    private readonly ECDsa caKey;

    public TestPki(string name = "MuScore Test CA")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("muscore-pki-").FullName;
        caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        AuthorityFile = Write("ca.pem", Authority.ExportCertificatePem());

        using var server = Issue("CN=localhost", serverAuth: true, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        ServerCertificateFile = Write("server.pem", server.ExportCertificatePem());
        ServerKeyFile = Write("server.key.pem", server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>The directory holding the PEM files.</summary>
    public string Directory { get; }

    /// <summary>The CA certificate.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The CA certificate as PEM (for <c>MuScore:Tls:ClientCaFile</c> and clients' trust).</summary>
    public string AuthorityFile { get; }

    /// <summary>The server certificate (PEM).</summary>
    public string ServerCertificateFile { get; }

    /// <summary>The server certificate's private key (PEM, PKCS#8).</summary>
    public string ServerKeyFile { get; }

    /// <summary>A client certificate with its private key, signed by this CA.</summary>
    public X509Certificate2 Client(string subject, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null) =>
        Issue(subject, serverAuth: false, notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(30));

    /// <summary>
    /// Another server certificate, "CN=muscore test server", for 127.0.0.1 and localhost, or for
    /// <paramref name="dnsName"/> alone (to test a host name the certificate does not name).
    /// </summary>
    public X509Certificate2 ServerCertificate(string? dnsName = null) =>
        Issue("CN=muscore test server", serverAuth: true, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), dnsName);

    /// <summary>A client certificate "CN=NAME" written as NAME.pem and NAME.key.pem; returns it with the two paths.</summary>
    public (X509Certificate2 Certificate, string CertificateFile, string KeyFile) ClientFiles(string name)
    {
        var certificate = Client($"CN={name}");
        var (certificateFile, keyFile) = WriteClient(certificate, name);
        return (certificate, certificateFile, keyFile);
    }

    /// <summary>Writes a client certificate and its key as PEM files; returns their paths.</summary>
    public (string Certificate, string Key) WriteClient(X509Certificate2 certificate, string name) =>
        (Write($"{name}.pem", certificate.ExportCertificatePem()), Write($"{name}.key.pem", certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem()));

    /// <summary>Whether a server certificate chains to this CA (a client's custom trust).</summary>
    public bool Trusts(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        caKey.Dispose();
        Authority.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private X509Certificate2 Issue(string subject, bool serverAuth, DateTimeOffset notBefore, DateTimeOffset notAfter, string? dnsName = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [serverAuth ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            if (dnsName is null)
            {
                names.AddDnsName("localhost");
                names.AddIpAddress(IPAddress.Loopback);
            }
            else
            {
                names.AddDnsName(dnsName);
            }

            request.CertificateExtensions.Add(names.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var issued = request.Create(Authority, notBefore, notAfter, serial);
        return issued.CopyWithPrivateKey(key);
    }

    private string Write(string name, string pem)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, pem);
        return path;
    }
}

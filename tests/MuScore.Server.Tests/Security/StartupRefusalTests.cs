using System.Security.Cryptography;
using MuScore.Server.Hosting;
using MuScore.TestSupport.Security;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// Settings that would leave the server open or half-configured stop it at start, with a message
/// naming the setting to fix. Nothing is bound: the refusals come from building the host.
/// </summary>
public sealed class StartupRefusalTests : IDisposable
{
    private readonly TestPki pki = new();
    private readonly TestTokens tokens = new();

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://[::]:0")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://192.0.2.10:5080")]
    [InlineData("http://muscore.internal:5080")]
    [InlineData("http://127.0.0.1:0;http://0.0.0.0:0")]
    public void CreateBuilder_PlainHttpBeyondLoopbackWithTokens_RefusedNamingAllowPlaintext(string urls)
    {
        var message = Refusal(("urls", urls), ("MuScore:Auth:Jwt:PublicKeyFile", tokens.PublicKeyFile));

        Assert.Contains("MuScore:Tls:AllowPlaintext", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_KestrelEndpointBeyondLoopback_Refused()
    {
        var message = Refusal(("urls", "http://127.0.0.1:0"), ("Kestrel:Endpoints:Extra:Url", "http://0.0.0.0:0"));

        Assert.Contains("http://0.0.0.0:0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_PlainHttpBeyondLoopbackAllowedButNoAuthentication_RefusedNamingAuthSettings()
    {
        var message = Refusal(("urls", "http://0.0.0.0:0"), ("MuScore:Tls:AllowPlaintext", "true"));

        Assert.Contains("MuScore:Auth:Jwt:PublicKeyFile", message, StringComparison.Ordinal);
        Assert.Contains("MuScore:Auth:Clients", message, StringComparison.Ordinal);
        Assert.Contains("MuScore:Auth:AllowAnonymous", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_HttpsBeyondLoopbackWithoutAuthentication_RefusedNamingAuthSettings()
    {
        var message = Refusal(("urls", "https://0.0.0.0:0"), ("MuScore:Tls:CertificateFile", pki.ServerCertificateFile), ("MuScore:Tls:KeyFile", pki.ServerKeyFile));

        Assert.Contains("MuScore:Auth:AllowAnonymous", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_HttpsWithoutCertificate_RefusedNamingCertificateFile()
    {
        var message = Refusal(("urls", "https://127.0.0.1:0"));

        Assert.Contains("MuScore:Tls:CertificateFile", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_KeyFileWithoutCertificateFile_RefusedNamingCertificateFile()
    {
        var message = Refusal(("urls", "https://127.0.0.1:0"), ("MuScore:Tls:KeyFile", pki.ServerKeyFile));

        Assert.Contains("MuScore:Tls:CertificateFile is required", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_CertificateFileWithoutKeyFile_RefusedNamingKeyFile()
    {
        var message = Refusal(("urls", "https://127.0.0.1:0"), ("MuScore:Tls:CertificateFile", pki.ServerCertificateFile));

        Assert.Contains("MuScore:Tls:KeyFile is required", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_CertificateFileMissing_RefusedNamingCertificateFileAndPath()
    {
        var missing = Path.Combine(pki.Directory, "nowhere.pem");

        var message = Refusal(("urls", "https://127.0.0.1:0"), ("MuScore:Tls:CertificateFile", missing), ("MuScore:Tls:KeyFile", pki.ServerKeyFile));

        Assert.Contains("MuScore:Tls:CertificateFile", message, StringComparison.Ordinal);
        Assert.Contains(missing, message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_KeyFileMissing_RefusedNamingKeyFile()
    {
        var message = Refusal(("urls", "https://127.0.0.1:0"), ("MuScore:Tls:CertificateFile", pki.ServerCertificateFile), ("MuScore:Tls:KeyFile", Path.Combine(pki.Directory, "nowhere.key.pem")));

        Assert.Contains("MuScore:Tls:KeyFile", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_CertificateFileNotPem_RefusedNamingCertificateFile()
    {
        var garbage = Write("garbage.pem", "this is not a certificate\n");

        var message = Refusal(("urls", "https://127.0.0.1:0"), ("MuScore:Tls:CertificateFile", garbage), ("MuScore:Tls:KeyFile", pki.ServerKeyFile));

        Assert.Contains("MuScore:Tls:CertificateFile", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_KeyFileNotPem_RefusedNamingKeyFile()
    {
        var garbage = Write("garbage.key.pem", "this is not a key\n");

        var message = Refusal(("urls", "https://127.0.0.1:0"), ("MuScore:Tls:CertificateFile", pki.ServerCertificateFile), ("MuScore:Tls:KeyFile", garbage));

        Assert.Contains("KeyFile", message, StringComparison.Ordinal);
        Assert.Contains(garbage, message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_KeyOfAnotherCertificate_RefusedNamingKeyFile()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var wrongKey = Write("other.key.pem", other.ExportPkcs8PrivateKeyPem());

        var message = Refusal(("urls", "https://127.0.0.1:0"), ("MuScore:Tls:CertificateFile", pki.ServerCertificateFile), ("MuScore:Tls:KeyFile", wrongKey));

        Assert.Contains("KeyFile", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pkcs8")]
    [InlineData("ec")]
    [InlineData("public-then-private")]
    public void CreateBuilder_PublicKeyFileHoldsAPrivateKey_RefusedNamingPublicKeyFile(string layout)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = layout switch
        {
            "pkcs8" => key.ExportPkcs8PrivateKeyPem(),
            "ec" => key.ExportECPrivateKeyPem(),
            _ => key.ExportSubjectPublicKeyInfoPem() + "\n" + key.ExportPkcs8PrivateKeyPem(),
        };
        var file = Write($"issuer-{layout}.pem", pem);

        var message = Refusal(("MuScore:Auth:Jwt:PublicKeyFile", file));

        Assert.Contains("MuScore:Auth:Jwt:PublicKeyFile", message, StringComparison.Ordinal);
        Assert.Contains("private key", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_PublicKeyFileMissing_RefusedNamingPublicKeyFile()
    {
        var message = Refusal(("MuScore:Auth:Jwt:PublicKeyFile", Path.Combine(pki.Directory, "nowhere.public.pem")));

        Assert.Contains("MuScore:Auth:Jwt:PublicKeyFile", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_PublicKeyFileWithoutPublicKey_RefusedNamingPublicKeyFile()
    {
        // A certificate is not a public key block: an operator pasting the wrong file is told so.
        var message = Refusal(("MuScore:Auth:Jwt:PublicKeyFile", pki.AuthorityFile));

        Assert.Contains("MuScore:Auth:Jwt:PublicKeyFile", message, StringComparison.Ordinal);
        Assert.Contains("BEGIN PUBLIC KEY", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_PublicKeyTooWeak_RefusedNamingPublicKeyFile()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var rsa1024 = RSA.Create(1024);

        var ec = Refusal(("MuScore:Auth:Jwt:PublicKeyFile", Write("p384.pem", p384.ExportSubjectPublicKeyInfoPem())));
        var rsa = Refusal(("MuScore:Auth:Jwt:PublicKeyFile", Write("rsa1024.pem", rsa1024.ExportSubjectPublicKeyInfoPem())));

        Assert.Contains("P-256", ec, StringComparison.Ordinal);
        Assert.Contains("2048", rsa, StringComparison.Ordinal);
        Assert.All([ec, rsa], m => Assert.Contains("MuScore:Auth:Jwt:PublicKeyFile", m, StringComparison.Ordinal));
    }

    [Fact]
    public void CreateBuilder_ClientsWithoutClientCaFile_RefusedNamingClientCaFile()
    {
        var message = Refusal(
            ("urls", "https://127.0.0.1:0"),
            ("MuScore:Tls:CertificateFile", pki.ServerCertificateFile),
            ("MuScore:Tls:KeyFile", pki.ServerKeyFile),
            ("MuScore:Auth:Clients:0:Subject", "CN=grid"),
            ("MuScore:Auth:Clients:0:Id", "grid"),
            ("MuScore:Auth:Clients:0:Scope", "policy:quote"));

        Assert.Contains("MuScore:Tls:ClientCaFile", message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_ClientCaFileMissing_RefusedNamingClientCaFile()
    {
        var message = Refusal(
            ("MuScore:Tls:ClientCaFile", Path.Combine(pki.Directory, "nowhere-ca.pem")),
            ("MuScore:Auth:Clients:0:Subject", "CN=grid"),
            ("MuScore:Auth:Clients:0:Id", "grid"));

        Assert.Contains("MuScore:Tls:ClientCaFile", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "CN=grid", "policy:quote", "MuScore:Auth:Clients:0:Id")]
    [InlineData("grid", "", "policy:quote", "MuScore:Auth:Clients:0: set Thumbprint")]
    [InlineData("grid", "CN=grid", "policy:quote ratings:write", "ratings:write")]
    public void CreateBuilder_BadClientMapping_RefusedNamingTheEntry(string id, string subject, string scope, string expected)
    {
        var message = Refusal(
            ("MuScore:Tls:ClientCaFile", pki.AuthorityFile),
            ("MuScore:Auth:Clients:0:Subject", subject),
            ("MuScore:Auth:Clients:0:Id", id),
            ("MuScore:Auth:Clients:0:Scope", scope));

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBuilder_Sha1Thumbprint_RefusedAsksForSha256()
    {
        var message = Refusal(
            ("MuScore:Tls:ClientCaFile", pki.AuthorityFile),
            ("MuScore:Auth:Clients:0:Thumbprint", new string('A', 40)),
            ("MuScore:Auth:Clients:0:Id", "grid"));

        Assert.Contains("MuScore:Auth:Clients:0:Thumbprint must be a SHA-256 thumbprint", message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        tokens.Dispose();
        pki.Dispose();
    }

    private static string Refusal(params (string Key, string? Value)[] settings) =>
        Assert.Throws<ServerConfigurationException>(() => ServerHost.CreateBuilder([], settings.Select(s => KeyValuePair.Create(s.Key, s.Value)))).Message;

    private string Write(string name, string text)
    {
        var path = Path.Combine(pki.Directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}

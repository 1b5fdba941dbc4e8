using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MuScore.TestSupport.Security;

/// <summary>
/// Signing keys made in the test and real signed JWTs, as an identity provider (or
/// <c>muscore token issue</c>) would write them: <c>sub</c>, a space-separated <c>scope</c>, a
/// <c>regions</c> JSON array, <c>iss</c>, <c>aud</c>, <c>exp</c>, <c>nbf</c>, and <c>kid</c> in the header.
/// </summary>
public sealed class TestTokens : IDisposable
{
    /// <summary>The issuer and audience the test server is configured with.</summary>
    public const string Issuer = "muscore-test-idp";

    /// <inheritdoc cref="Issuer"/>
    public const string Audience = "muscore";

    private readonly ECDsa ecKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly RSA rsaKey = RSA.Create(2048);
    private readonly ECDsa strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestTokens()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("muscore-keys-").FullName;
        PublicKeyFile = Path.Combine(Directory, "issuer.public.pem");

        // Two trusted keys in one file, as during a rotation.
        File.WriteAllText(PublicKeyFile, ecKey.ExportSubjectPublicKeyInfoPem() + "\n" + rsaKey.ExportSubjectPublicKeyInfoPem() + "\n");
    }

    /// <summary>Which key signs a token.</summary>
    public enum Signer
    {
        /// <summary>The trusted P-256 key (ES256).</summary>
        Ec,

        /// <summary>The trusted RSA key (RS256).</summary>
        Rsa,

        /// <summary>A key the server does not know.</summary>
        Stranger,
    }

    /// <summary>The directory holding the public key file.</summary>
    public string Directory { get; }

    /// <summary>The PEM file of the trusted public keys (<c>MuScore:Auth:Jwt:PublicKeyFile</c>).</summary>
    public string PublicKeyFile { get; }

    /// <summary>A signed token valid for an hour; null <paramref name="regions"/> leaves the <c>regions</c> claim out.</summary>
    public string Issue(string sub, string scope, IReadOnlyList<string>? regions, Signer signer = Signer.Ec, string issuer = Issuer, string audience = Audience, DateTime? notBefore = null, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        SecurityKey key = signer switch
        {
            Signer.Rsa => new RsaSecurityKey(rsaKey),
            Signer.Stranger => new ECDsaSecurityKey(strangerKey),
            _ => new ECDsaSecurityKey(ecKey),
        };
        key.KeyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromSecurityKey(key).ComputeJwkThumbprint());
        var algorithm = signer == Signer.Rsa ? SecurityAlgorithms.RsaSha256 : SecurityAlgorithms.EcdsaSha256;
        var start = notBefore ?? now.AddMinutes(-1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = start,
            NotBefore = start,
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(key, algorithm),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = sub,
                ["scope"] = scope,
            },
        };
        if (regions is not null)
        {
            descriptor.Claims["regions"] = regions.ToArray();
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with every claim a real one would have.</summary>
    public static string WithoutSignature(string sub, string scope, IReadOnlyList<string> regions)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode(new { alg = "none", typ = "JWT" });
        var payload = Encode(new Dictionary<string, object>
        {
            ["sub"] = sub,
            ["scope"] = scope,
            ["regions"] = regions,
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["nbf"] = now - 60,
            ["iat"] = now - 60,
            ["exp"] = now + 3600,
        });
        return $"{header}.{payload}.";
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ecKey.Dispose();
        rsaKey.Dispose();
        strangerKey.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static string Encode(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MuScore.LoadBench.Tls;

/// <summary>
/// An ES256 signing key and the bearer tokens of the load, shaped like those of
/// tests/MuScore.TestSupport/Security/TestTokens.cs: <c>sub</c>, a space-separated <c>scope</c>,
/// a <c>regions</c> JSON array, <c>iss</c>, <c>aud</c>, <c>iat</c>, <c>nbf</c>, <c>exp</c>, and the
/// key's RFC 7638 thumbprint as <c>kid</c> (what the server names its keys by). Written by hand
/// (JWS compact form, ECDSA P-256 over SHA-256, r‖s) so the bench needs no IdentityModel package;
/// the server validating them with IdentityModel also shows they are standard tokens.
/// </summary>
internal sealed class LoadTokens : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly string keyId;

    public LoadTokens() => keyId = Thumbprint(key.ExportParameters(includePrivateParameters: false));

    /// <summary>The public key as PEM (<c>MuScore:Auth:Jwt:PublicKeyFile</c>).</summary>
    public string PublicKeyPem => key.ExportSubjectPublicKeyInfoPem();

    /// <summary>A signed token valid from a minute ago for <paramref name="lifetime"/>.</summary>
    public string Issue(string sub, string scope, IReadOnlyList<string> regions, string issuer, string audience, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Json(new Dictionary<string, object> { ["alg"] = "ES256", ["typ"] = "JWT", ["kid"] = keyId });
        var payload = Json(new Dictionary<string, object>
        {
            ["sub"] = sub,
            ["scope"] = scope,
            ["regions"] = regions,
            ["iss"] = issuer,
            ["aud"] = audience,
            ["iat"] = now - 60,
            ["nbf"] = now - 60,
            ["exp"] = now + (long)lifetime.TotalSeconds,
        });
        var signingInput = $"{Base64Url(header)}.{Base64Url(payload)}";

        // .NET signs in IEEE P1363 form (r‖s, 64 bytes), which is what JWS ES256 specifies.
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return $"{signingInput}.{Base64Url(signature)}";
    }

    public void Dispose() => key.Dispose();

    /// <summary>RFC 7638: SHA-256 of the required members in lexicographic order, no white space.</summary>
    private static string Thumbprint(ECParameters parameters)
    {
        var jwk = $$"""{"crv":"P-256","kty":"EC","x":"{{Base64Url(parameters.Q.X!)}}","y":"{{Base64Url(parameters.Q.Y!)}}"}""";
        return Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(jwk)));
    }

    private static byte[] Json(Dictionary<string, object> members) => JsonSerializer.SerializeToUtf8Bytes(members);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

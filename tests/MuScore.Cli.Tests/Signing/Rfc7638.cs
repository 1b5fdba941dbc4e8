using System.Security.Cryptography;
using System.Text;

namespace MuScore.Cli.Tests.Signing;

/// <summary>
/// RFC 7638 JWK thumbprints written out from the RFC, independent of Microsoft.IdentityModel, so
/// that the tests check the command line's key ids rather than repeat its computation: SHA-256 of
/// the required members in lexicographic order, no whitespace, base64url without padding.
/// </summary>
internal static class Rfc7638
{
    public static string Rsa(string e, string n) => Hash($"{{\"e\":\"{e}\",\"kty\":\"RSA\",\"n\":\"{n}\"}}");

    public static string Ec(string crv, string x, string y) => Hash($"{{\"crv\":\"{crv}\",\"kty\":\"EC\",\"x\":\"{x}\",\"y\":\"{y}\"}}");

    /// <summary>The thumbprint of an RSA or P-256 public key.</summary>
    public static string Of(AsymmetricAlgorithm key) => key switch
    {
        RSA rsa => Rsa(Base64Url(rsa.ExportParameters(false).Exponent!), Base64Url(rsa.ExportParameters(false).Modulus!)),
        ECDsa ecdsa => Ec("P-256", Base64Url(ecdsa.ExportParameters(false).Q.X!), Base64Url(ecdsa.ExportParameters(false).Q.Y!)),
        _ => throw new ArgumentException("not an RSA or EC key", nameof(key)),
    };

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Hash(string canonicalJwk) => Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJwk)));
}

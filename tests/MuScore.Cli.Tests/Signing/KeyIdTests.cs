using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using MuScore.Cli.Signing;

namespace MuScore.Cli.Tests.Signing;

/// <summary>The key id is the RFC 7638 thumbprint: the RFC's own example, and an EC key against the canonical JSON written out.</summary>
public sealed class KeyIdTests
{
    // RFC 7638 §3.1: the example RSA key and its thumbprint.
    private const string RfcModulus =
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

    private const string RfcThumbprint = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

    [Fact]
    public void Of_TheRfc7638ExampleKey_IsTheRfcThumbprint()
    {
        using var rsa = RSA.Create(new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(RfcModulus), Exponent = Base64UrlEncoder.DecodeBytes("AQAB") });

        Assert.Equal(RfcThumbprint, KeyId.Of(new RsaSecurityKey(rsa)));
        Assert.Equal(RfcThumbprint, Rfc7638.Rsa("AQAB", RfcModulus));
    }

    [Fact]
    public void Of_AP256Key_IsTheHashOfItsCanonicalJwk()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var point = ecdsa.ExportParameters(false).Q;

        Assert.Equal(Rfc7638.Ec("P-256", Rfc7638.Base64Url(point.X!), Rfc7638.Base64Url(point.Y!)), KeyId.Of(new ECDsaSecurityKey(ecdsa)));
    }
}

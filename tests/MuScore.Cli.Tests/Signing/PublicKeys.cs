using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace MuScore.Cli.Tests.Signing;

/// <summary>
/// Reads a public key file as the server is told to: one or more "PUBLIC KEY" blocks, RSA or EC
/// P-256, each known by its RFC 7638 thumbprint (<see cref="Rfc7638"/>), so that a token's kid
/// picks the key during a rotation.
/// </summary>
internal static class PublicKeys
{
    public static IReadOnlyList<AsymmetricSecurityKey> Read(string path)
    {
        var text = File.ReadAllText(path);
        var keys = new List<AsymmetricSecurityKey>();
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            Assert.Equal("PUBLIC KEY", rest[fields.Label].ToString());
            var der = Convert.FromBase64String(rest[fields.Base64Data].ToString());
            keys.Add(Import(der));
            rest = rest[fields.Location.End..];
        }

        Assert.NotEmpty(keys);
        return keys;
    }

    private static AsymmetricSecurityKey Import(byte[] der)
    {
        AsymmetricSecurityKey key;
        try
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(der, out _);
            key = new ECDsaSecurityKey(ecdsa) { KeyId = Rfc7638.Of(ecdsa) };
        }
        catch (CryptographicException)
        {
            var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(der, out _);
            key = new RsaSecurityKey(rsa) { KeyId = Rfc7638.Of(rsa) };
        }

        // Keys live for one test; a provider cached across tests could outlive its key.
        key.CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false };
        return key;
    }
}

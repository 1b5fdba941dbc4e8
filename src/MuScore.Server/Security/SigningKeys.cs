using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using MuScore.Server.Hosting;

namespace MuScore.Server.Security;

/// <summary>
/// The public keys bearer tokens may be signed with, read from one PEM file of
/// <c>-----BEGIN PUBLIC KEY-----</c> blocks (RSA, or EC P-256). Several blocks allow rotation: the
/// new key is added, tokens move over, the old key is removed. Each key's id is its RFC 7638 JWK
/// thumbprint, the <c>kid</c> that <c>muscore token issue</c> writes.
/// </summary>
internal static class SigningKeys
{
    private const string Setting = "MuScore:Auth:Jwt:PublicKeyFile";

    public static IReadOnlyList<SecurityKey> Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ServerConfigurationException($"{Setting}: cannot read '{path}': {e.Message}", e);
        }

        var keys = new List<SecurityKey>();
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label];
            if (label.SequenceEqual("PUBLIC KEY"))
            {
                var der = Convert.FromBase64String(rest[fields.Base64Data].ToString());
                keys.Add(FromSubjectPublicKeyInfo(der, path, keys.Count + 1));
            }
            else if (label.Contains("PRIVATE KEY", StringComparison.Ordinal))
            {
                // A private key here would sit on every server that validates tokens.
                throw new ServerConfigurationException($"{Setting}: '{path}' holds a private key; give the server only the public key (muscore keys new writes NAME.public.pem)");
            }

            rest = rest[fields.Location.End..];
        }

        return keys.Count > 0
            ? keys
            : throw new ServerConfigurationException($"{Setting}: '{path}' holds no '-----BEGIN PUBLIC KEY-----' block");
    }

    /// <summary>The RFC 7638 thumbprint of a key, base64url: the key id tokens name.</summary>
    public static string KeyId(SecurityKey key) =>
        Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromSecurityKey(key).ComputeJwkThumbprint());

    private static SecurityKey FromSubjectPublicKeyInfo(byte[] der, string path, int position)
    {
        SecurityKey key;
        try
        {
            var ec = ECDsa.Create();
            try
            {
                ec.ImportSubjectPublicKeyInfo(der, out _);
                if (ec.KeySize != 256)
                {
                    throw new ServerConfigurationException($"{Setting}: key {position} of '{path}' is EC P-{ec.KeySize}; ES256 needs P-256");
                }

                key = new ECDsaSecurityKey(ec);
            }
            catch (CryptographicException)
            {
                ec.Dispose();
                var rsa = RSA.Create();
                rsa.ImportSubjectPublicKeyInfo(der, out _);
                if (rsa.KeySize < 2048)
                {
                    throw new ServerConfigurationException($"{Setting}: key {position} of '{path}' is RSA-{rsa.KeySize}; at least 2048 bits are required");
                }

                key = new RsaSecurityKey(rsa);
            }
        }
        catch (CryptographicException e)
        {
            throw new ServerConfigurationException($"{Setting}: key {position} of '{path}' is neither an RSA nor an EC public key: {e.Message}", e);
        }

        key.KeyId = KeyId(key);
        return key;
    }
}

using Microsoft.IdentityModel.Tokens;

namespace MuScore.Cli.Signing;

/// <summary>
/// The key id ("kid") of a signing key: the RFC 7638 JWK SHA-256 thumbprint of its public key,
/// base64url. The server computes the same from each key of its public key file, so a token's
/// header names the key that verifies it and several keys can be configured during a rotation.
/// </summary>
internal static class KeyId
{
    public static string Of(AsymmetricSecurityKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
    }
}

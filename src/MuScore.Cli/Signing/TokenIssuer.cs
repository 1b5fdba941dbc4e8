using System.Globalization;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MuScore.Cli.Signing;

/// <summary>A signed token and the facts 'token issue' reports about it.</summary>
/// <param name="Jwt">The compact JWS.</param>
/// <param name="KeyId">The "kid" in its header.</param>
/// <param name="IssuedAt">"iat".</param>
/// <param name="NotBefore">"nbf".</param>
/// <param name="Expires">"exp".</param>
internal sealed record IssuedToken(string Jwt, string KeyId, DateTimeOffset IssuedAt, DateTimeOffset NotBefore, DateTimeOffset Expires);

/// <summary>
/// Signs a MuScore access token with Microsoft.IdentityModel's <see cref="JsonWebTokenHandler"/>,
/// the library the server's JwtBearer validates with: sub, scope (one space-separated string, as
/// OAuth 2.0 writes it), regions (always a JSON array, even of one prefix), iss, aud, iat, nbf,
/// exp and a random jti; the header names the algorithm and the key id.
/// </summary>
internal static class TokenIssuer
{
    /// <exception cref="CommandFailure">The token would have expired before it is issued (exit code 2).</exception>
    public static IssuedToken Issue(TokenOptions options, SigningKeyFile key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(key);

        // A JWT carries whole seconds; what is reported must be what is signed.
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var notBefore = options.NotBefore is { } from ? DateTimeOffset.FromUnixTimeSeconds(from.ToUnixTimeSeconds()) : issuedAt;
        var expires = notBefore + options.TimeToLive;
        if (expires <= issuedAt)
        {
            throw CommandFailure.Usage(string.Create(CultureInfo.InvariantCulture, $"--not-before {notBefore:yyyy-MM-dd'T'HH:mm:ss'Z'} with this --ttl expires at {expires:yyyy-MM-dd'T'HH:mm:ss'Z'}, which has passed"));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Key, key.Algorithm.JwsName()),
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [JwtRegisteredClaimNames.Sub] = options.Subject,
                [TokenClaims.Scope] = string.Join(' ', options.Scopes),

                // An array, never a bare string: the server reads a list whatever its length.
                [TokenClaims.Regions] = options.Regions.ToArray(),
                [JwtRegisteredClaimNames.Jti] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            },
        };
        var jwt = new JsonWebTokenHandler().CreateToken(descriptor);
        return new IssuedToken(jwt, key.Key.KeyId, issuedAt, notBefore, expires);
    }
}

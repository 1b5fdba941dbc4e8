using Microsoft.IdentityModel.Tokens;

namespace MuScore.Cli.Signing;

/// <summary>The JWS algorithms the server accepts: ES256 (ECDSA P-256) and RS256 (RSA PKCS#1 v1.5, SHA-256).</summary>
internal enum SigningAlgorithm
{
    /// <summary>ECDSA on P-256 with SHA-256: short keys and tokens; the default.</summary>
    Es256,

    /// <summary>RSA with SHA-256, for deployments whose tooling only knows RSA.</summary>
    Rs256,
}

/// <summary>Names and sizes of <see cref="SigningAlgorithm"/>.</summary>
internal static class SigningAlgorithms
{
    /// <summary>RSA keys made by 'keys new': 3072 bits, NIST's size for keys used beyond 2030.</summary>
    public const int NewRsaBits = 3072;

    /// <summary>RSA keys read by 'token issue' must have at least this many bits (RFC 7518 §3.3).</summary>
    public const int MinRsaBits = 2048;

    /// <summary>"ES256" or "RS256", as the token header carries it.</summary>
    public static string JwsName(this SigningAlgorithm algorithm) => algorithm switch
    {
        SigningAlgorithm.Es256 => SecurityAlgorithms.EcdsaSha256,
        SigningAlgorithm.Rs256 => SecurityAlgorithms.RsaSha256,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>The --alg value: es256 or rs256, any case.</summary>
    /// <exception cref="CommandFailure">Anything else (exit code 2).</exception>
    public static SigningAlgorithm Parse(string? text) => text?.ToUpperInvariant() switch
    {
        null or "ES256" => SigningAlgorithm.Es256,
        "RS256" => SigningAlgorithm.Rs256,
        _ => throw CommandFailure.Usage($"--alg '{text}' is not es256 or rs256"),
    };
}

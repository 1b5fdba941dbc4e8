using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace MuScore.Cli.Signing;

/// <summary>
/// A private signing key read from a PEM file (PKCS#8 "PRIVATE KEY" as 'keys new' writes it, or
/// "EC PRIVATE KEY" / "RSA PRIVATE KEY"), as the security key 'token issue' signs with: its
/// algorithm follows from the key, its <see cref="SecurityKey.KeyId"/> is <see cref="KeyId"/>.
/// </summary>
internal sealed class SigningKeyFile : IDisposable
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    private readonly AsymmetricAlgorithm material;

    private SigningKeyFile(AsymmetricAlgorithm material, AsymmetricSecurityKey key, SigningAlgorithm algorithm)
    {
        this.material = material;
        Key = key;
        Algorithm = algorithm;

        // The key is disposed after one token; a cached provider would outlive it in this process.
        key.CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false };
        key.KeyId = KeyId.Of(key);
    }

    public AsymmetricSecurityKey Key { get; }

    public SigningAlgorithm Algorithm { get; }

    /// <exception cref="CommandFailure">The file is missing, not a private key, encrypted, or a key the server would not accept (exit code 2).</exception>
    public static SigningKeyFile Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw CommandFailure.BadInput($"key file '{path}' does not exist");
        }

        var text = File.ReadAllText(path);
        if (!PemEncoding.TryFind(text, out var fields))
        {
            throw CommandFailure.BadInput($"key file '{path}' is not PEM (expected -----BEGIN PRIVATE KEY-----, as 'muscore keys new' writes)");
        }

        var label = text[fields.Label];
        var der = Convert.FromBase64String(text[fields.Base64Data]);
        try
        {
            return label switch
            {
                "PRIVATE KEY" => Pkcs8(der, path),
                "EC PRIVATE KEY" => Ec(der, path, (ecdsa, bytes) => ecdsa.ImportECPrivateKey(bytes, out _)),
                "RSA PRIVATE KEY" => Rsa(der, path, (rsa, bytes) => rsa.ImportRSAPrivateKey(bytes, out _)),
                "ENCRYPTED PRIVATE KEY" => throw CommandFailure.BadInput($"key file '{path}' is encrypted; 'token issue' needs an unencrypted key (keep it mode 0600)"),
                "PUBLIC KEY" => throw CommandFailure.BadInput($"key file '{path}' holds a public key; tokens are signed with the private one (NAME.private.pem)"),
                _ => throw CommandFailure.BadInput($"key file '{path}' holds '{label}', not a private key"),
            };
        }
        catch (CryptographicException exception)
        {
            throw CommandFailure.BadInput($"key file '{path}' does not hold a usable private key: {exception.Message}");
        }
    }

    public void Dispose() => material.Dispose();

    private static SigningKeyFile Pkcs8(byte[] der, string path)
    {
        // PKCS#8 names its algorithm inside; trying EC first and RSA second reads either.
        try
        {
            return Ec(der, path, (ecdsa, bytes) => ecdsa.ImportPkcs8PrivateKey(bytes, out _));
        }
        catch (CryptographicException)
        {
            return Rsa(der, path, (rsa, bytes) => rsa.ImportPkcs8PrivateKey(bytes, out _));
        }
    }

    private static SigningKeyFile Ec(byte[] der, string path, Action<ECDsa, byte[]> import)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            import(ecdsa, der);
            var curve = ecdsa.ExportParameters(includePrivateParameters: false).Curve;
            if (!IsP256(curve))
            {
                throw CommandFailure.BadInput($"key file '{path}' holds an EC key on {curve.Oid.FriendlyName ?? curve.Oid.Value ?? "an unnamed curve"}; ES256 needs P-256");
            }

            return new SigningKeyFile(ecdsa, new ECDsaSecurityKey(ecdsa), SigningAlgorithm.Es256);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    // Platforms fill in the curve's OID value or only its friendly name.
    private static bool IsP256(ECCurve curve) =>
        curve.IsNamed && (curve.Oid.Value == P256Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1");

    private static SigningKeyFile Rsa(byte[] der, string path, Action<RSA, byte[]> import)
    {
        var rsa = RSA.Create();
        try
        {
            import(rsa, der);
            if (rsa.KeySize < SigningAlgorithms.MinRsaBits)
            {
                throw CommandFailure.BadInput(FormattableString.Invariant($"key file '{path}' holds a {rsa.KeySize}-bit RSA key; RS256 needs at least {SigningAlgorithms.MinRsaBits} bits"));
            }

            return new SigningKeyFile(rsa, new RsaSecurityKey(rsa), SigningAlgorithm.Rs256);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }
}

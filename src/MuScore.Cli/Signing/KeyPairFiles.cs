using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace MuScore.Cli.Signing;

/// <summary>What 'keys new' wrote.</summary>
/// <param name="PrivateKeyPath">NAME.private.pem: PKCS#8, mode 0600 on Unix.</param>
/// <param name="PublicKeyPath">NAME.public.pem: SubjectPublicKeyInfo, for the server's MuScore:Auth:Jwt:PublicKeyFile.</param>
/// <param name="KeyId">The RFC 7638 thumbprint tokens signed with the key carry as "kid".</param>
internal sealed record KeyPair(string PrivateKeyPath, string PublicKeyPath, string KeyId);

/// <summary>
/// Makes a signing key pair and writes it as two PEM files. Neither file may exist beforehand:
/// overwriting a private key would silently invalidate every token signed with it.
/// </summary>
internal static class KeyPairFiles
{
    /// <summary>Owner read and write only: the private key signs tokens for every scope and region.</summary>
    private const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string PrivateFileName(string name) => name + ".private.pem";

    public static string PublicFileName(string name) => name + ".public.pem";

    /// <summary>Writes DIR/NAME.private.pem and DIR/NAME.public.pem; creates DIR if needed.</summary>
    /// <exception cref="CommandFailure">One of the files already exists (exit code 2; nothing is written).</exception>
    public static KeyPair Write(string directory, string name, SigningAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(name);
        var privatePath = Path.GetFullPath(Path.Combine(directory, PrivateFileName(name)));
        var publicPath = Path.GetFullPath(Path.Combine(directory, PublicFileName(name)));
        foreach (var path in new[] { privatePath, publicPath })
        {
            if (File.Exists(path))
            {
                throw CommandFailure.BadInput($"'{path}' already exists; keys new never overwrites a key (choose another --name or --out)");
            }
        }

        Directory.CreateDirectory(directory);
        using AsymmetricAlgorithm key = algorithm == SigningAlgorithm.Es256
            ? ECDsa.Create(ECCurve.NamedCurves.nistP256)
            : RSA.Create(SigningAlgorithms.NewRsaBits);
        var keyId = KeyId.Of(key is ECDsa ecdsa ? new ECDsaSecurityKey(ecdsa) : new RsaSecurityKey((RSA)key));

        WriteNew(privatePath, key.ExportPkcs8PrivateKeyPem(), secret: true);
        WriteNew(publicPath, key.ExportSubjectPublicKeyInfoPem(), secret: false);
        return new KeyPair(privatePath, publicPath, keyId);
    }

    private static void WriteNew(string path, string pem, bool secret)
    {
        // CreateNew: a file that appeared since the check above is not overwritten either.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (secret && !OperatingSystem.IsWindows())
        {
            // Created with this mode, so the key is never readable by others, not even for a moment.
            options.UnixCreateMode = PrivateMode;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(Encoding.ASCII.GetBytes(pem + "\n"));
        }

        if (secret && !OperatingSystem.IsWindows())
        {
            // The creation mode passes through the umask; this makes it exactly 0600 whatever the umask.
            File.SetUnixFileMode(path, PrivateMode);
        }
    }
}

using System.Security.Cryptography.X509Certificates;

namespace MuScore.LoadBench.Common;

/// <summary>
/// How a measuring client reaches a TLS server: the CA it trusts (<c>--ca FILE</c>, PEM; nothing
/// else is trusted) and the bearer token it sends (<c>--token FILE</c>). Both optional: a plain
/// h2c server needs neither.
/// </summary>
internal sealed record ChannelSecurity(X509Certificate2? Authority, string? Token)
{
    public static ChannelSecurity From(CommandOptions options)
    {
        var ca = options.Text("ca", string.Empty);
        var token = options.Text("token", string.Empty);
        try
        {
            return new ChannelSecurity(
                ca.Length == 0 ? null : X509CertificateLoader.LoadCertificateFromFile(ca),
                token.Length == 0 ? null : File.ReadAllText(token).Trim());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new OptionException($"--ca {ca} / --token {token}: {e.Message}", e);
        }
    }

    /// <summary>True when the server certificate chains to <see cref="Authority"/> (and names no error but an unknown root).</summary>
    public bool Trusts(X509Certificate2? certificate)
    {
        if (Authority is null || certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}

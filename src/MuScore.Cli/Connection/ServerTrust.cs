using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MuScore.Cli.Connection;

/// <summary>
/// Judges the server's TLS certificate: against the certificates of <c>--ca</c> alone
/// (<see cref="X509ChainTrustMode.CustomRootTrust"/>), or against the system store as usual, and
/// in both cases for the host name. It remembers why it refused a certificate, because the
/// handshake error itself only says that the callback refused it.
/// </summary>
internal sealed class ServerTrust : IDisposable
{
    /// <summary>id-kp-serverAuth: a certificate that names its uses must name this one.</summary>
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    private readonly X509Certificate2Collection? roots;
    private readonly string? caFile;
    private volatile string? problem;

    private ServerTrust(X509Certificate2Collection? roots, string? caFile)
    {
        this.roots = roots;
        this.caFile = caFile;
    }

    /// <summary>Why the last certificate was refused, for the error message; null if none was.</summary>
    public string? Problem => problem;

    /// <summary>Trust the system store (no --ca).</summary>
    public static ServerTrust System() => new(null, null);

    /// <summary>Trust only the certificates in <paramref name="caFile"/> as roots.</summary>
    /// <exception cref="CommandFailure">The file is missing or holds no PEM certificate (exit code 2).</exception>
    public static ServerTrust FromCaFile(string caFile)
    {
        ArgumentNullException.ThrowIfNull(caFile);
        if (!File.Exists(caFile))
        {
            throw CommandFailure.BadInput($"--ca file '{caFile}' does not exist");
        }

        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(caFile);
        }
        catch (CryptographicException exception)
        {
            throw CommandFailure.BadInput($"--ca file '{caFile}' is not PEM certificates: {exception.Message}");
        }

        if (roots.Count == 0)
        {
            throw CommandFailure.BadInput($"--ca file '{caFile}' holds no certificate (expected -----BEGIN CERTIFICATE----- blocks)");
        }

        return new ServerTrust(roots, caFile);
    }

    /// <summary>The <see cref="SslClientAuthenticationOptions.RemoteCertificateValidationCallback"/>.</summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            problem = "the server sent no certificate";
            return false;
        }

        // The host name check is the same whichever roots are trusted.
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            problem = $"the server's certificate ({certificate.Subject}) is not issued for the host in --server";
            return false;
        }

        if (roots is null)
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            problem = $"the server's certificate ({certificate.Subject}) is not trusted by this system: {Describe(chain?.ChainStatus)}; "
                + "if a private CA signed it, pass that CA with --ca CA.pem";
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);

        // As SslStream's own check: a private CA rarely publishes revocation lists, and the command may run offline.
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        if (chain is not null)
        {
            // The intermediates the server sent with its certificate.
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (custom.Build(leaf))
        {
            return true;
        }

        problem = $"the server's certificate ({certificate.Subject}) does not chain to a certificate of --ca '{caFile}': {Describe(custom.ChainStatus)}";
        return false;
    }

    public void Dispose()
    {
        if (roots is not null)
        {
            foreach (var root in roots)
            {
                root.Dispose();
            }
        }
    }

    private static string Describe(X509ChainStatus[]? statuses)
    {
        var failures = (statuses ?? []).Where(s => s.Status != X509ChainStatusFlags.NoError).ToList();
        return failures.Count == 0
            ? "its chain could not be built"
            : string.Join("; ", failures.Select(s => $"{s.Status} ({s.StatusInformation.Trim()})"));
    }
}

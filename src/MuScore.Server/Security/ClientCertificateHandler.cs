using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MuScore.Server.Security;

/// <summary>
/// Authenticates a caller by the client certificate of its TLS connection (grid and land systems
/// are machines): the certificate must chain to <c>MuScore:Tls:ClientCaFile</c> and be mapped by
/// thumbprint or subject in <c>MuScore:Auth:Clients</c>. Kestrel accepts any certificate in the
/// handshake so that a refused one gets an UNAUTHENTICATED that says why, not a reset connection.
/// </summary>
internal sealed class ClientCertificateHandler(
    IOptionsMonitor<ClientCertificateSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CertificateClients clients) : AuthenticationHandler<ClientCertificateSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var certificate = await Context.Connection.GetClientCertificateAsync(Context.RequestAborted).ConfigureAwait(false);
        if (certificate is null)
        {
            return AuthenticateResult.NoResult();
        }

        return clients.Identify(certificate, TimeProvider.GetUtcNow()) switch
        {
            { Identity: { } identity } => AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ClientCertificateDefaults.Scheme)),
            { Problem: var problem } => AuthenticateResult.Fail(problem),
        };
    }
}

/// <summary>Options of <see cref="ClientCertificateHandler"/> (the mapping lives in <see cref="CertificateClients"/>).</summary>
internal sealed class ClientCertificateSchemeOptions : AuthenticationSchemeOptions;

/// <summary>
/// The certificate → caller mapping and the chain check against the client CA. A certificate's
/// verdict is remembered by thumbprint for a minute: every call on a connection presents the same
/// certificate, and building its chain each time would cost more than the call.
/// </summary>
internal sealed class CertificateClients
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(1);
    private readonly X509Certificate2Collection authorities;
    private readonly IReadOnlyList<(CertificateClientOptions Client, ClaimsIdentity Identity)> mapped;
    private readonly ConcurrentDictionary<string, (Verdict Verdict, DateTimeOffset Until)> verdicts = new(StringComparer.Ordinal);

    public CertificateClients(X509Certificate2Collection authorities, IEnumerable<CertificateClientOptions> clients)
    {
        this.authorities = authorities;
        mapped = [.. clients.Select(c => (c, IdentityOf(c)))];
    }

    /// <summary>Normalises a SHA-256 thumbprint as configured ("AB:CD…" or "abcd…") to upper-case hex.</summary>
    public static string NormaliseThumbprint(string value) =>
        value.Replace(":", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    public Verdict Identify(X509Certificate2 certificate, DateTimeOffset now)
    {
        var thumbprint = certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        if (verdicts.TryGetValue(thumbprint, out var known) && now < known.Until)
        {
            return known.Verdict;
        }

        var verdict = Decide(certificate, thumbprint, now);
        if (verdicts.Count > 10_000)
        {
            verdicts.Clear();
        }

        verdicts[thumbprint] = (verdict, now + Remember);
        return verdict;
    }

    private Verdict Decide(X509Certificate2 certificate, string thumbprint, DateTimeOffset now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        if (!chain.Build(certificate))
        {
            var status = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
            return new Verdict(null, $"the client certificate '{certificate.Subject}' is not valid under the configured client CA: {status}");
        }

        foreach (var (client, identity) in mapped)
        {
            if ((client.Thumbprint is { Length: > 0 } t && NormaliseThumbprint(t) == thumbprint)
                || (client.Subject is { Length: > 0 } s && string.Equals(s, certificate.Subject, StringComparison.Ordinal)))
            {
                return new Verdict(identity, string.Empty);
            }
        }

        return new Verdict(null, $"the client certificate '{certificate.Subject}' (SHA-256 {thumbprint}) is not mapped to a caller in MuScore:Auth:Clients");
    }

    private static ClaimsIdentity IdentityOf(CertificateClientOptions client)
    {
        var claims = new List<Claim> { new("sub", client.Id), new("scope", client.Scope) };
        claims.AddRange(client.Regions.Select(r => new Claim(CallerResolver.RegionsClaim, r)));
        return new ClaimsIdentity(claims, ClientCertificateDefaults.Scheme, "sub", null);
    }

    /// <summary>The identity of a mapped certificate, or why there is none.</summary>
    public sealed record Verdict(ClaimsIdentity? Identity, string Problem);
}

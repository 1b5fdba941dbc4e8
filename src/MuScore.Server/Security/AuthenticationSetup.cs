using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using MuScore.Server.Hosting;

namespace MuScore.Server.Security;

/// <summary>
/// Registers the two standard ways to authenticate: bearer JWTs (JwtBearer, with the keys of
/// <c>MuScore:Auth:Jwt:PublicKeyFile</c>) and mapped client certificates. A policy scheme picks
/// one per request: a request with an <c>authorization</c> header is judged by its token only, so
/// a bad token is never rescued by a certificate on the same connection. With neither configured
/// nothing is registered: the server is in anonymous loopback mode (<see cref="CallerResolver"/>).
/// There is no default scheme, so the authentication middleware (which WebApplication adds by
/// itself) authenticates nothing: <see cref="CallerResolver"/> authenticates with
/// <see cref="SelectorScheme"/> only the calls that need a caller, and answers a remembered bearer
/// token without running the schemes at all. Running them for every request cost more CPU than
/// MuScore's own work on a cached QuoteTariff (docs/load-benchmark.md, TLS rows).
/// </summary>
internal static class AuthenticationSetup
{
    /// <summary>The default scheme: forwards to the bearer or the certificate scheme.</summary>
    public const string SelectorScheme = "MuScore";

    public static IServiceCollection AddMuScoreAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var tls = configuration.GetSection(TlsOptions.Section).Get<TlsOptions>() ?? new TlsOptions();

        // One token cache for the bearer handler and CallerResolver's look-up before it (empty without a key file).
        var tokens = new CachingTokenHandler(TimeProvider.System);
        services.AddSingleton(tokens);
        if (!auth.Configured)
        {
            return services;
        }

        var builder = services.AddAuthentication().AddPolicyScheme(SelectorScheme, SelectorScheme, selector =>
            selector.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.Count > 0 || auth.Clients.Count == 0
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ClientCertificateDefaults.Scheme);

        if (auth.JwtConfigured)
        {
            var keys = SigningKeys.Load(auth.Jwt.PublicKeyFile!);
            builder.AddJwtBearer(jwt =>
            {
                // Claims keep their JWT names ("sub", "scope", "regions"), not WS-* URIs.
                jwt.MapInboundClaims = false;
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(tokens);
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Jwt.Issuer,
                    ValidAudience = auth.Jwt.Audience,
                    IssuerSigningKeys = keys,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ValidateIssuerSigningKey = true,
                    ClockSkew = TimeSpan.FromSeconds(auth.Jwt.ClockSkewSeconds),
                    NameClaimType = "sub",
                };
            });
        }
        else
        {
            // A server of client certificates only: a request with a token is still judged by the
            // token alone, and with no key to check it against it is refused.
            builder.AddJwtBearer(jwt => jwt.TokenValidationParameters = new TokenValidationParameters { ValidateIssuerSigningKey = true, IssuerSigningKeys = [] });
        }

        if (auth.Clients.Count > 0)
        {
            ValidateClients(auth.Clients);
            if (string.IsNullOrWhiteSpace(tls.ClientCaFile))
            {
                throw new ServerConfigurationException($"{AuthOptions.Section}:Clients maps client certificates, so {TlsOptions.Section}:ClientCaFile must name the CA (PEM) that issues them");
            }

            services.AddSingleton(new CertificateClients(TlsFiles.LoadAuthorities(tls.ClientCaFile), auth.Clients));
            builder.AddScheme<ClientCertificateSchemeOptions, ClientCertificateHandler>(ClientCertificateDefaults.Scheme, null);
        }

        return services;
    }

    private static void ValidateClients(List<CertificateClientOptions> clients)
    {
        for (var i = 0; i < clients.Count; i++)
        {
            var client = clients[i];
            var at = $"{AuthOptions.Section}:Clients:{i}";
            if (string.IsNullOrWhiteSpace(client.Id))
            {
                throw new ServerConfigurationException($"{at}:Id is required (the caller id recorded for this certificate)");
            }

            if (client.Id.Length > CallerResolver.MaxCallerId || client.Id.Any(char.IsControl))
            {
                throw new ServerConfigurationException($"{at}:Id must be at most {CallerResolver.MaxCallerId} characters without control characters (it is recorded in the audit log)");
            }

            if (string.IsNullOrWhiteSpace(client.Thumbprint) && string.IsNullOrWhiteSpace(client.Subject))
            {
                throw new ServerConfigurationException($"{at}: set Thumbprint (SHA-256, hex) or Subject to say which certificate is '{client.Id}'");
            }

            if (client.Thumbprint is { Length: > 0 } t && CertificateClients.NormaliseThumbprint(t) is var hex && (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit)))
            {
                throw new ServerConfigurationException($"{at}:Thumbprint must be a SHA-256 thumbprint: 64 hex digits (colons allowed)");
            }

            var unknown = client.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(s => !Scopes.All.Contains(s)).ToList();
            if (unknown.Count > 0)
            {
                throw new ServerConfigurationException($"{at}:Scope names unknown scopes {string.Join(", ", unknown)}; known: {string.Join(" ", Scopes.All)}");
            }
        }
    }
}

namespace MuScore.Server.Security;

/// <summary>
/// Who may call (section <c>MuScore:Auth</c>, docs/security.md). With neither a JWT key file nor
/// a client mapping the server has no authentication: it serves anonymous callers on loopback
/// only and refuses to listen anywhere else unless <see cref="AllowAnonymous"/> is set.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "MuScore:Auth";

    /// <summary>Bearer tokens (JWT) signed by the keys of <see cref="JwtOptions.PublicKeyFile"/>.</summary>
    public JwtOptions Jwt { get; set; } = new();

    /// <summary>Client certificates mapped to callers (<c>MuScore:Auth:Clients:0:Thumbprint</c>, …).</summary>
    public List<CertificateClientOptions> Clients { get; set; } = [];

    /// <summary>
    /// Lets the caller that submitted a run publish it too (default false: four eyes). For an
    /// office of one; every self-publication is still recorded with its caller.
    /// </summary>
    public bool AllowSelfPublish { get; set; }

    /// <summary>
    /// Serves anonymous callers on addresses other than loopback when no authentication is
    /// configured (default false: the server refuses to start). Warned about at every start.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>True when bearer tokens are configured.</summary>
    public bool JwtConfigured => !string.IsNullOrWhiteSpace(Jwt.PublicKeyFile);

    /// <summary>True when any way to authenticate is configured; false means anonymous mode.</summary>
    public bool Configured => JwtConfigured || Clients.Count > 0;
}

/// <summary>Bearer token settings (section <c>MuScore:Auth:Jwt</c>).</summary>
public sealed class JwtOptions
{
    /// <summary>The <c>iss</c> every token must carry (default "muscore", as <c>muscore token issue</c> writes).</summary>
    public string Issuer { get; set; } = "muscore";

    /// <summary>The <c>aud</c> every token must carry (default "muscore").</summary>
    public string Audience { get; set; } = "muscore";

    /// <summary>A PEM file of one or more RSA or EC P-256 public keys; several keys allow rotation.</summary>
    public string? PublicKeyFile { get; set; }

    /// <summary>Tolerated clock difference between the issuer and this server (default 60 s).</summary>
    public int ClockSkewSeconds { get; set; } = 60;
}

/// <summary>One client certificate mapped to a caller (an element of <c>MuScore:Auth:Clients</c>).</summary>
public sealed class CertificateClientOptions
{
    /// <summary>The SHA-256 thumbprint of the certificate, hex (colons and case ignored); this or <see cref="Subject"/>.</summary>
    public string? Thumbprint { get; set; }

    /// <summary>The certificate's subject distinguished name exactly as .NET prints it ("CN=grid-billing, O=State Grid"); this or <see cref="Thumbprint"/>.</summary>
    public string? Subject { get; set; }

    /// <summary>The caller id recorded and compared for four eyes.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Space-separated scopes, as in a token's <c>scope</c> claim.</summary>
    public string Scope { get; set; } = string.Empty;

    /// <summary>Region-code prefixes ("331082", "33", "*").</summary>
    public List<string> Regions { get; set; } = [];
}

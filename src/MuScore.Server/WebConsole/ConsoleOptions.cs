namespace MuScore.Server.WebConsole;

/// <summary>The rating office's console (<c>MuScore:Console</c>): how long a session lasts, and an optional OIDC provider.</summary>
public sealed class ConsoleOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "MuScore:Console";

    /// <summary>False turns every console page off (404).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Minutes a signed-in session lasts (default 30), never past the pasted token's <c>exp</c>:
    /// a short lifetime is the revocation a bureau without an identity provider has.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 720)]
    public int SessionMinutes { get; set; } = 30;

    /// <summary>An OpenID Connect provider; unset (no <c>Authority</c>), sign-in is by pasted token only.</summary>
    public ConsoleOidcOptions Oidc { get; set; } = new();
}

/// <summary>
/// An OpenID Connect provider whose access tokens the gRPC API accepts: its signing key is in
/// <c>MuScore:Auth:Jwt:PublicKeyFile</c> and its <c>iss</c>/<c>aud</c> match. The console signs in
/// with the code flow and acts with the access token, so it has exactly the API's identities.
/// </summary>
public sealed class ConsoleOidcOptions
{
    /// <summary>The provider's issuer URL (its discovery document is read from there).</summary>
    public string? Authority { get; set; }

    /// <summary>The console's client id at the provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret (never logged: its name holds "Secret").</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for besides <c>openid</c>, space-separated, e.g. <c>"runs:submit ratings:read"</c>.</summary>
    public string Scope { get; set; } = string.Empty;

    /// <summary>True when a provider is configured.</summary>
    public bool Configured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

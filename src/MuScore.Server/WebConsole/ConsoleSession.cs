using System.Net;
using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using MuScore.Server.Security;

namespace MuScore.Server.WebConsole;

/// <summary>
/// A console session: the caller a pasted token (or an OIDC sign-in) proves, kept in an encrypted
/// cookie together with the token itself, which the console sends as the bearer token of the gRPC
/// calls it makes for the person. The token is validated by the JwtBearer handler's own settings
/// (keys, issuer, audience, algorithms), so the console knows exactly the API's identities.
/// </summary>
internal sealed class ConsoleSession(
    IOptions<AuthOptions> auth,
    IOptions<ConsoleOptions> options,
    IOptionsMonitor<JwtBearerOptions> bearer,
    TimeProvider time)
{
    /// <summary>The cookie authentication scheme of the console.</summary>
    public const string Scheme = "MuScore.Console";

    /// <summary>The cookie's name.</summary>
    public const string CookieName = "muscore-console";

    /// <summary>Where the token is kept in the session's properties.</summary>
    private const string TokenName = "access_token";

    private readonly AuthOptions authOptions = auth.Value;

    /// <summary>True when the server has authentication: then every page needs a signed-in person.</summary>
    public bool SignInRequired => authOptions.Configured;

    /// <summary>True when tokens can be pasted (a JWT key file is configured).</summary>
    public bool TokensAccepted => authOptions.JwtConfigured;

    /// <summary>
    /// The signed-in caller and the token to act with (null for the anonymous loopback caller of a
    /// server without authentication); null when nobody is signed in.
    /// </summary>
    public async Task<ConsoleUser?> CurrentAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!authOptions.Configured)
        {
            // The same rule as the gRPC API: anonymous is for loopback (or explicitly allowed).
            return authOptions.AllowAnonymous || (http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote))
                ? new ConsoleUser(Caller.Anonymous, null)
                : null;
        }

        var result = await http.AuthenticateAsync(Scheme).ConfigureAwait(false);
        if (!result.Succeeded || result.Principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity)
        {
            return null;
        }

        var token = result.Properties?.GetTokenValue(TokenName);
        try
        {
            return new ConsoleUser(CallerResolver.FromClaims(identity), token);
        }
        catch (RpcException)
        {
            return null;
        }
    }

    /// <summary>
    /// Validates a pasted token as the gRPC API would and signs its caller in; returns the reason
    /// (bounded, safe to show) when it is refused.
    /// </summary>
    public async Task<string?> SignInAsync(HttpContext http, string? pasted)
    {
        ArgumentNullException.ThrowIfNull(http);
        var token = pasted?.Trim() ?? string.Empty;
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = token[7..].Trim();
        }

        if (!authOptions.JwtConfigured)
        {
            return "this server accepts no tokens (MuScore:Auth:Jwt:PublicKeyFile is not set)";
        }

        if (token.Length == 0 || token.Length > 16 * 1024)
        {
            return "paste a token: three base64url parts separated by dots";
        }

        var settings = bearer.Get(JwtBearerDefaults.AuthenticationScheme);
        var handler = settings.TokenHandlers.First();
        var validated = await handler.ValidateTokenAsync(token, settings.TokenValidationParameters).ConfigureAwait(false);
        if (!validated.IsValid || validated.ClaimsIdentity is not { } identity)
        {
            return validated.Exception switch
            {
                Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException => "the token has expired; ask for a new one",
                Microsoft.IdentityModel.Tokens.SecurityTokenNotYetValidException => "the token is not valid yet (nbf is in the future)",
                Microsoft.IdentityModel.Tokens.SecurityTokenInvalidAudienceException => "the token is for another audience (aud)",
                Microsoft.IdentityModel.Tokens.SecurityTokenInvalidIssuerException => "the token comes from an issuer this server does not trust (iss)",
                Microsoft.IdentityModel.Tokens.SecurityTokenSignatureKeyNotFoundException or Microsoft.IdentityModel.Tokens.SecurityTokenInvalidSignatureException => "the token is not signed by a key this server trusts",
                _ => "the token is malformed, unsigned or lacks exp",
            };
        }

        Caller caller;
        try
        {
            caller = CallerResolver.FromClaims(identity);
        }
        catch (RpcException refused)
        {
            return refused.Status.Detail;
        }

        // The token's remaining life, read on the clock its handler judged it by (the system's).
        var remaining = validated.SecurityToken is JsonWebToken jwt ? new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) - DateTimeOffset.UtcNow : TimeSpan.Zero;
        await SignInAsync(http, caller, token, remaining).ConfigureAwait(false);
        return null;
    }

    /// <summary>Writes the session cookie for <paramref name="caller"/>, acting with <paramref name="token"/>.</summary>
    public async Task SignInAsync(HttpContext http, Caller caller, string token, TimeSpan tokenRemaining)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(caller);
        var claims = new List<Claim> { new("sub", caller.Id), new("scope", string.Join(' ', caller.ScopeList)) };
        claims.AddRange(caller.Regions.Select(r => new Claim(CallerResolver.RegionsClaim, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, "sub", null));
        var session = TimeSpan.FromMinutes(options.Value.SessionMinutes);
        var properties = new AuthenticationProperties
        {
            IsPersistent = false,
            AllowRefresh = false,
            ExpiresUtc = time.GetUtcNow() + (tokenRemaining < session ? tokenRemaining : session),
        };
        properties.StoreTokens([new AuthenticationToken { Name = TokenName, Value = token }]);
        await http.SignInAsync(Scheme, principal, properties).ConfigureAwait(false);
    }

    /// <summary>Ends the session.</summary>
    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

}

/// <summary>A signed-in person: the caller the API knows, and the token the console acts with (null when anonymous).</summary>
internal sealed record ConsoleUser(Caller Caller, string? Token);

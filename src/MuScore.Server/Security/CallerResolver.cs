using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using MuScore.Server.Errors;

namespace MuScore.Server.Security;

/// <summary>
/// Tells who is calling: the principal the authentication schemes establish (a bearer token or a
/// mapped client certificate), or, on a server without authentication, the anonymous caller on
/// loopback. Anything else is UNAUTHENTICATED, with the reason the credential failed. It runs the
/// authentication itself, for the calls that need a caller only (no default scheme: the middleware
/// authenticates nothing, see <see cref="AuthenticationSetup"/>), and a bearer token the token
/// handler already accepted and still trusts is answered from its cache without running the
/// authentication schemes.
/// </summary>
internal sealed class CallerResolver(IOptions<AuthOptions> options, CachingTokenHandler tokens)
{
    /// <summary>The claim holding the region prefixes (a JSON array in the token).</summary>
    public const string RegionsClaim = "regions";

    private const string BearerPrefix = "Bearer ";

    /// <summary>The longest caller id: what the audit log and the runs' submitted_by hold.</summary>
    public const int MaxCallerId = 256;

    // A token validated once yields the same identity object for every call that carries it
    // (CachingTokenHandler), as does a mapped certificate, so the caller read from it is kept with
    // it rather than re-read.
    private readonly ConditionalWeakTable<ClaimsIdentity, Caller> callers = [];
    private readonly AuthOptions auth = options.Value;

    public ValueTask<Caller> ResolveAsync(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (!auth.Configured)
        {
            // Defence in depth: the listener is checked at start, the peer here.
            if (!auth.AllowAnonymous && http.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
            {
                throw RpcErrors.Unauthenticated("ANONYMOUS_NOT_LOOPBACK", "this server has no authentication configured and serves loopback callers only");
            }

            return ValueTask.FromResult(Caller.Anonymous);
        }

        return auth.JwtConfigured && tokens.TryGetAccepted(BearerToken(http.Request.Headers.Authorization), out var known)
            ? ValueTask.FromResult(callers.GetValue(known, FromClaims))
            : AuthenticateAsync(http);
    }

    /// <summary>
    /// The token of a single <c>authorization: Bearer …</c> header, read as JwtBearerHandler reads
    /// it (scheme in any case, surrounding white space trimmed); empty for anything else, which
    /// then gets the handler's own verdict. A request with the header is judged by its token only
    /// (<see cref="AuthenticationSetup"/>), so answering it from the token cache is the same rule.
    /// </summary>
    private static ReadOnlySpan<char> BearerToken(StringValues header) =>
        header.Count == 1 && header[0] is { } value && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? value.AsSpan(BearerPrefix.Length).Trim()
            : [];

    private async ValueTask<Caller> AuthenticateAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(AuthenticationSetup.SelectorScheme).ConfigureAwait(false);
        if (result.Succeeded && result.Principal.Identity is ClaimsIdentity { IsAuthenticated: true } identity)
        {
            return callers.GetValue(identity, FromClaims);
        }

        if (result.Failure is { } failure)
        {
            var (reason, why) = Explain(failure);
            throw RpcErrors.Unauthenticated(reason, $"the credential was refused: {why}");
        }

        throw RpcErrors.Unauthenticated("CREDENTIAL_MISSING", "no credential: send 'authorization: Bearer <token>' or a client certificate");
    }

    /// <summary>
    /// A reason a client can branch on and a sentence a person can act on. IdentityModel's own
    /// messages hide the values (PII) and carry IDX codes; a certificate's failure is ours already.
    /// </summary>
    private static (string Reason, string Why) Explain(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => ("TOKEN_EXPIRED", "the token has expired; ask for a new one"),
        SecurityTokenNotYetValidException => ("TOKEN_NOT_YET_VALID", "the token is not valid yet (nbf is in the future)"),
        SecurityTokenInvalidAudienceException => ("TOKEN_WRONG_AUDIENCE", "the token is for another audience (aud)"),
        SecurityTokenInvalidIssuerException => ("TOKEN_WRONG_ISSUER", "the token comes from an issuer this server does not trust (iss)"),
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => ("TOKEN_UNKNOWN_KEY", "the token is not signed by a key this server trusts"),
        SecurityTokenInvalidAlgorithmException => ("TOKEN_BAD_ALGORITHM", "the token's algorithm is not RS256 or ES256"),
        SecurityTokenException => ("TOKEN_INVALID", "the token is malformed, unsigned or lacks exp"),
        ArgumentException => ("TOKEN_INVALID", "the token is malformed"),
        _ => ("CREDENTIAL_INVALID", EchoText.Bound(failure.Message, 256)),
    };

    internal static Caller FromClaims(ClaimsIdentity identity)
    {
        var kind = identity.AuthenticationType == ClientCertificateDefaults.Scheme ? CallerKind.Certificate : CallerKind.Token;
        var id = identity.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(id))
        {
            // Without a caller id nothing could be recorded or compared for four eyes.
            throw RpcErrors.Unauthenticated("CALLER_ID_MISSING", "the credential names no caller: a token needs a 'sub' claim");
        }

        if (!IsRecordable(id))
        {
            // Refused here, before any work: the store could not record such a caller on a run, a
            // publication or an audit entry, and the call would end as INTERNAL after reading it all.
            throw RpcErrors.Unauthenticated("CALLER_ID_INVALID", string.Create(CultureInfo.InvariantCulture, $"the credential's caller id (sub) must be at most {MaxCallerId} characters without control characters; it is recorded in the audit log"));
        }

        var scopes = identity.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var regions = identity.FindAll(RegionsClaim).Select(c => c.Value);
        return new Caller(id, kind, scopes, regions);
    }

    /// <summary>What the audit log can hold as a caller: at most 256 characters, no control characters, no lone surrogates.</summary>
    private static bool IsRecordable(string id)
    {
        if (id.Length > MaxCallerId)
        {
            return false;
        }

        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsControl(c))
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= id.Length || !char.IsLowSurrogate(id[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }
}

using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using MuScore.Server.Errors;

namespace MuScore.Server.Security;

/// <summary>
/// Tells who is calling: the principal the authentication middleware established (a bearer token
/// or a mapped client certificate), or, on a server without authentication, the anonymous caller
/// on loopback. Anything else is UNAUTHENTICATED, with the reason the credential failed.
/// </summary>
internal sealed class CallerResolver(IOptions<AuthOptions> options)
{
    /// <summary>The claim holding the region prefixes (a JSON array in the token).</summary>
    public const string RegionsClaim = "regions";

    // A token validated once yields the same identity object for every call that carries it
    // (TokenValidationCache), so the caller read from it is kept with it rather than re-read.
    private readonly ConditionalWeakTable<ClaimsIdentity, Caller> callers = [];
    private readonly AuthOptions auth = options.Value;

    public async ValueTask<Caller> ResolveAsync(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (!auth.Configured)
        {
            // Defence in depth: the listener is checked at start, the peer here.
            if (!auth.AllowAnonymous && http.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
            {
                throw RpcErrors.Unauthenticated("ANONYMOUS_NOT_LOOPBACK", "this server has no authentication configured and serves loopback callers only");
            }

            return Caller.Anonymous;
        }

        if (http.User.Identity is ClaimsIdentity { IsAuthenticated: true } identity)
        {
            return callers.GetValue(identity, FromClaims);
        }

        var result = await http.AuthenticateAsync().ConfigureAwait(false);
        if (result.Failure is { } failure)
        {
            throw RpcErrors.Unauthenticated("CREDENTIAL_INVALID", $"the credential was refused: {EchoText.Bound(failure.Message, 256)}");
        }

        throw RpcErrors.Unauthenticated("CREDENTIAL_MISSING", "no credential: send 'authorization: Bearer <token>' or a client certificate");
    }

    private static Caller FromClaims(ClaimsIdentity identity)
    {
        var kind = identity.AuthenticationType == ClientCertificateDefaults.Scheme ? CallerKind.Certificate : CallerKind.Token;
        var id = identity.FindFirst("sub")?.Value;
        var scopes = identity.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var regions = identity.FindAll(RegionsClaim).Select(c => c.Value);
        return new Caller(string.IsNullOrWhiteSpace(id) ? "(no sub)" : id, kind, scopes, regions);
    }
}

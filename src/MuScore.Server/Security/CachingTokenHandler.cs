using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MuScore.Server.Security;

/// <summary>
/// JsonWebTokenHandler that remembers the tokens it accepted: a billing system sends the same
/// token on every one of a million calls, and verifying an ES256 signature each time would cost
/// more than the call. A remembered token is still refused once it expires; only accepted tokens
/// are kept, so a forged one is verified (and refused) every time. Bounded: when full, the cache
/// starts over rather than grow with a flood of distinct tokens. An unsigned token is refused as
/// malformed rather than as signed by an unknown key. One instance per server (a singleton):
/// <see cref="CallerResolver"/> asks it first, before any authentication handler runs.
/// </summary>
internal sealed class CachingTokenHandler : JsonWebTokenHandler
{
    /// <summary>Most tokens remembered at once.</summary>
    public const int Capacity = 10_000;

    /// <summary>How long an accepted token is trusted without verifying it again, at most.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, Accepted> accepted = new(StringComparer.Ordinal);

    // Looks a token up by the span of the authorization header it sits in, without copying it out.
    private readonly ConcurrentDictionary<string, Accepted>.AlternateLookup<ReadOnlySpan<char>> bySpan;

    public CachingTokenHandler(TimeProvider time)
    {
        this.time = time;
        bySpan = accepted.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The identity of a token this handler accepted and still trusts (the same rule as
    /// <see cref="ValidateTokenAsync(string, TokenValidationParameters)"/>'s), without validating
    /// anything; false for any other token, which must then go through the full validation.
    /// </summary>
    public bool TryGetAccepted(ReadOnlySpan<char> token, [NotNullWhen(true)] out ClaimsIdentity? identity)
    {
        if (bySpan.TryGetValue(token, out var hit) && time.GetUtcNow().UtcDateTime < hit.TrustedUntil)
        {
            identity = hit.Result.ClaimsIdentity;
            return identity is not null;
        }

        identity = null;
        return false;
    }

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        var now = time.GetUtcNow().UtcDateTime;
        if (token is not null && accepted.TryGetValue(token, out var hit))
        {
            if (now < hit.TrustedUntil)
            {
                return hit.Result;
            }

            accepted.TryRemove(token, out _);
        }

        var result = await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        if (!result.IsValid && result.Exception is SecurityTokenInvalidSignatureException && IsUnsigned(token))
        {
            // IdentityModel reports a missing signature (alg "none") as a bad one: said as it is, the
            // client learns its token is malformed (TOKEN_INVALID), not that the server lacks a key.
            result.Exception = new SecurityTokenException("the token is unsigned");
            return result;
        }

        if (result.IsValid && token is not null && result.SecurityToken is { } validated)
        {
            if (accepted.Count >= Capacity)
            {
                accepted.Clear();
            }

            // Trusted until it expires (no clock skew granted twice) or for MaxAge, whichever is first.
            var until = validated.ValidTo == DateTime.MinValue ? now + MaxAge : Min(validated.ValidTo, now + MaxAge);
            accepted[token] = new Accepted(result, until);
        }

        return result;
    }

    private bool IsUnsigned(string? token) => token is not null && CanReadToken(token) && !new JsonWebToken(token).IsSigned;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed record Accepted(TokenValidationResult Result, DateTime TrustedUntil);
}

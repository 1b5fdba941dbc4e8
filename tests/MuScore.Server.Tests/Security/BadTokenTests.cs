using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Microsoft.IdentityModel.Tokens;
using MuScore.Contracts.V1;
using MuScore.TestSupport.Security;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// Tokens that prove nothing are UNAUTHENTICATED with a reason a client can act on; tokens signed
/// by either trusted key (RS256 or ES256, as during a key rotation) are accepted.
/// </summary>
public sealed class BadTokenTests(SecuredServerFixture fixture) : IClassFixture<SecuredServerFixture>
{
    private const string Scope = "ratings:read";
    private static readonly string[] Everywhere = ["*"];
    private readonly TestTokens tokens = fixture.Tokens;

    [Fact]
    public async Task GetRating_ExpiredToken_UnauthenticatedTokenExpired()
    {
        var token = tokens.Issue("grid", Scope, Everywhere, notBefore: DateTime.UtcNow.AddHours(-3), expires: DateTime.UtcNow.AddHours(-2));

        await AssertRefusedAsync(token, "TOKEN_EXPIRED");
    }

    [Fact]
    public async Task GetRating_TokenExpiredWithinClockSkew_Accepted()
    {
        // The default skew of 60 s forgives an issuer whose clock runs a little ahead.
        var token = tokens.Issue("grid", Scope, Everywhere, notBefore: DateTime.UtcNow.AddHours(-1), expires: DateTime.UtcNow.AddSeconds(-20));

        Assert.Equal(StatusCode.NotFound, (await GetRatingAsync(token)).Code);
    }

    [Fact]
    public async Task GetRating_TokenWithBlankSub_UnauthenticatedCallerIdMissing()
    {
        // Without a caller id nothing could be recorded, and every such token would be one caller.
        await AssertRefusedAsync(tokens.Issue(" ", Scope, Everywhere), "CALLER_ID_MISSING");
    }

    [Fact]
    public async Task GetRating_TokenNotYetValid_UnauthenticatedTokenNotYetValid()
    {
        var token = tokens.Issue("grid", Scope, Everywhere, notBefore: DateTime.UtcNow.AddHours(1), expires: DateTime.UtcNow.AddHours(2));

        await AssertRefusedAsync(token, "TOKEN_NOT_YET_VALID");
    }

    [Fact]
    public async Task GetRating_TokenForAnotherAudience_UnauthenticatedWrongAudience()
    {
        await AssertRefusedAsync(tokens.Issue("grid", Scope, Everywhere, audience: "land-registry"), "TOKEN_WRONG_AUDIENCE");
    }

    [Fact]
    public async Task GetRating_TokenFromAnotherIssuer_UnauthenticatedWrongIssuer()
    {
        await AssertRefusedAsync(tokens.Issue("grid", Scope, Everywhere, issuer: "https://idp.example"), "TOKEN_WRONG_ISSUER");
    }

    [Fact]
    public async Task GetRating_TokenSignedByAStrangerKey_UnauthenticatedUnknownKey()
    {
        await AssertRefusedAsync(tokens.Issue("grid", Scope, Everywhere, TestTokens.Signer.Stranger), "TOKEN_UNKNOWN_KEY");
    }

    [Fact]
    public async Task GetRating_TokenWithTamperedClaims_UnauthenticatedUnknownKey()
    {
        // A trusted token's header and signature over the claims of another with more rights.
        var trusted = tokens.Issue("grid", Scope, Everywhere).Split('.');
        var other = tokens.Issue("grid", "ratings:read ratings:figures runs:publish", Everywhere).Split('.');

        await AssertRefusedAsync($"{trusted[0]}.{other[1]}.{trusted[2]}", "TOKEN_UNKNOWN_KEY");
    }

    [Fact]
    public async Task GetRating_UnsignedAlgNoneToken_UnauthenticatedTokenInvalid()
    {
        await AssertRefusedAsync(TestTokens.WithoutSignature("grid", Scope, Everywhere), "TOKEN_INVALID");
    }

    [Fact]
    public async Task GetRating_Hs256TokenKeyedWithThePublicKey_UnauthenticatedUnknownKey()
    {
        // The classic key-confusion forgery: HMAC with the server's public key as the secret. The
        // server trusts no HMAC key at all, so the token is not signed by a key it trusts.
        var publicPem = await File.ReadAllTextAsync(tokens.PublicKeyFile);
        var header = Base64UrlEncoder.Encode("""{"alg":"HS256","typ":"JWT"}""");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($$"""{"sub":"forger","scope":"ratings:read","regions":["*"],"iss":"{{TestTokens.Issuer}}","aud":"{{TestTokens.Audience}}","nbf":{{now - 60}},"exp":{{now + 3600}}}""");
        var signature = Base64UrlEncoder.Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(publicPem), Encoding.ASCII.GetBytes($"{header}.{payload}")));

        await AssertRefusedAsync($"{header}.{payload}.{signature}", "TOKEN_UNKNOWN_KEY");
    }

    [Fact]
    public async Task GetRating_GarbageToken_UnauthenticatedTokenInvalid()
    {
        await AssertRefusedAsync("this-is-not-a-jwt", "TOKEN_INVALID");
    }

    [Fact]
    public async Task GetRating_BearerWithEmptyToken_UnauthenticatedCredentialMissing()
    {
        await AssertRefusedAsync(string.Empty, "CREDENTIAL_MISSING");
    }

    [Fact]
    public async Task GetRating_TokenWithoutRegionsClaim_AuthenticatedButEveryRegionDenied()
    {
        var token = tokens.Issue("grid", Scope, regions: null);

        var zhejiang = await GetRatingAsync(token, "331082");
        var fujian = await GetRatingAsync(token, "350206");

        Assert.Equal(StatusCode.PermissionDenied, zhejiang.Code);
        Assert.Equal("REGION_NOT_ALLOWED", zhejiang.Info?.Reason);
        Assert.Equal(StatusCode.PermissionDenied, fujian.Code);
        Assert.Equal("REGION_NOT_ALLOWED", fujian.Info?.Reason);
    }

    [Theory]
    [InlineData(TestTokens.Signer.Ec)]
    [InlineData(TestTokens.Signer.Rsa)]
    public async Task GetRating_TokenSignedByEitherTrustedKey_Accepted(TestTokens.Signer signer)
    {
        var outcome = await GetRatingAsync(tokens.Issue("grid", Scope, Everywhere, signer));

        Assert.Equal(StatusCode.NotFound, outcome.Code);
        Assert.Equal("NOTHING_PUBLISHED", outcome.Info?.Reason);
    }

    [Fact]
    public async Task GetRating_SameRefusedTokenTwice_RefusedBothTimes()
    {
        // Only accepted tokens are remembered: a refusal is never turned into a cached acceptance.
        var token = tokens.Issue("grid", Scope, Everywhere, TestTokens.Signer.Stranger);

        await AssertRefusedAsync(token, "TOKEN_UNKNOWN_KEY");
        await AssertRefusedAsync(token, "TOKEN_UNKNOWN_KEY");
    }

    private async Task<CallOutcome> GetRatingAsync(string token, string region = "331082")
    {
        using var channel = fixture.Server.ChannelAs(token);
        var client = new RatingService.RatingServiceClient(channel);
        return await CallOutcome.Of(() => client.GetRatingAsync(new GetRatingRequest { Region = region, CreditCode = Support.Records.Code(1, region), Year = 2024 }).ResponseAsync);
    }

    private async Task AssertRefusedAsync(string token, string reason)
    {
        var outcome = await GetRatingAsync(token);

        Assert.Equal(StatusCode.Unauthenticated, outcome.Code);
        Assert.NotNull(outcome.Info);
        Assert.Equal("muscore", outcome.Info.Domain);
        Assert.Equal(reason, outcome.Info.Reason);
        Assert.DoesNotContain(token.Length > 0 ? token : "\u0000", outcome.Message, StringComparison.Ordinal);
    }
}

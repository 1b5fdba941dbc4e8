using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.IdentityModel.Tokens;
using MuScore.Contracts.V1;
using MuScore.Server.Security;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// A bearer token the handler accepted is answered from its cache before any authentication
/// handler runs (CallerResolver): only that exact token, only while it is trusted, and with the
/// same verdicts the full validation gives everything else.
/// </summary>
public sealed class RememberedTokenTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task TryGetAccepted_AcceptedToken_TrustedUntilItExpires()
    {
        using var tokens = new TestTokens();
        var clock = new ManualClock(Now);
        var handler = new CachingTokenHandler(clock);
        var token = tokens.Issue("grid", "ratings:read", ["33"], expires: Now.AddMinutes(2).UtcDateTime);

        Assert.False(handler.TryGetAccepted(token, out _));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(tokens))).IsValid);

        Assert.True(handler.TryGetAccepted(token, out var identity));
        Assert.Equal("grid", identity.FindFirst("sub")?.Value);
        clock.Set(Now.AddMinutes(2).AddSeconds(1));
        Assert.False(handler.TryGetAccepted(token, out _));
    }

    [Fact]
    public async Task TryGetAccepted_LongLivedToken_TrustedForMaxAgeOnly()
    {
        using var tokens = new TestTokens();
        var clock = new ManualClock(Now);
        var handler = new CachingTokenHandler(clock);
        var token = tokens.Issue("grid", "ratings:read", ["33"], expires: Now.AddHours(1).UtcDateTime);
        await handler.ValidateTokenAsync(token, Parameters(tokens));

        clock.Set(Now + CachingTokenHandler.MaxAge + TimeSpan.FromSeconds(1));

        Assert.False(handler.TryGetAccepted(token, out _));
    }

    [Fact]
    public async Task TryGetAccepted_RefusedToken_NotRemembered()
    {
        using var tokens = new TestTokens();
        var handler = new CachingTokenHandler(TimeProvider.System);
        var token = tokens.Issue("grid", "ratings:read", ["33"], TestTokens.Signer.Stranger);

        Assert.False((await handler.ValidateTokenAsync(token, Parameters(tokens))).IsValid);

        Assert.False(handler.TryGetAccepted(token, out _));
    }

    [Fact]
    public async Task TryGetAccepted_ExactTokenOnly_NotAPrefixOrLongerText()
    {
        using var tokens = new TestTokens();
        var handler = new CachingTokenHandler(TimeProvider.System);
        var token = tokens.Issue("grid", "ratings:read", ["33"]);
        await handler.ValidateTokenAsync(token, Parameters(tokens));
        var header = $"Bearer {token}";

        Assert.True(handler.TryGetAccepted(header.AsSpan(7), out _));
        Assert.False(handler.TryGetAccepted(header.AsSpan(7, token.Length - 1), out _));
        Assert.False(handler.TryGetAccepted(header, out _));
    }

    [Fact]
    public async Task GetRating_RememberedToken_SameVerdictsAsFullValidation()
    {
        using var tokens = new TestTokens();
        await using var server = await ServerInstance.StartAsync(new ServerSettings { Tokens = tokens });
        var client = new RatingService.RatingServiceClient(server.Channel);
        var request = new GetRatingRequest { Region = "331082", CreditCode = Records.Code(1, "331082"), Year = 2024 };
        var token = tokens.Issue("grid", "ratings:read", ["3310"]);
        var forged = token[..^2] + (token[^2] == 'A' ? "BA" : "AA");

        // The first call validates the token; the later ones find it remembered, in any spelling JwtBearer accepts.
        foreach (var header in new[] { $"Bearer {token}", $"Bearer {token}", $"bearer   {token} " })
        {
            Assert.Equal("NOTHING_PUBLISHED", await RpcAssert.NotFound(() => client.GetRatingAsync(request, Bearer(header)).ResponseAsync));
        }

        var foreign = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => client.GetRatingAsync(new GetRatingRequest { Region = "330102", CreditCode = request.CreditCode }, Bearer($"Bearer {token}")).ResponseAsync);
        Assert.Equal("REGION_NOT_ALLOWED", foreign.GetDetail<ErrorInfo>()!.Reason);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => client.GetRatingAsync(request, Bearer($"Bearer {forged}")).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => client.GetRatingAsync(request, Bearer($"Bearer {token}", $"Bearer {token}")).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => client.GetRatingAsync(request, Bearer($"Basic {token}")).ResponseAsync);
    }

    [Fact]
    public async Task HealthCheck_RefusedToken_StillServing()
    {
        using var tokens = new TestTokens();
        await using var server = await ServerInstance.StartAsync(new ServerSettings { Tokens = tokens });
        var forged = tokens.Issue("grid", "ratings:read", ["*"], TestTokens.Signer.Stranger);

        var response = await server.Health.CheckAsync(new HealthCheckRequest(), Bearer($"Bearer {forged}"));

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    private static Metadata Bearer(params string[] values)
    {
        var metadata = new Metadata();
        foreach (var value in values)
        {
            metadata.Add("authorization", value);
        }

        return metadata;
    }

    private static TokenValidationParameters Parameters(TestTokens tokens) => new()
    {
        ValidIssuer = TestTokens.Issuer,
        ValidAudience = TestTokens.Audience,
        IssuerSigningKeys = SigningKeys.Load(tokens.PublicKeyFile),
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = TimeSpan.Zero,
    };

    /// <summary>A clock the test moves; only the token cache reads it (IdentityModel's own lifetime check uses the real one).</summary>
    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public void Set(DateTimeOffset value) => now = value;

        public override DateTimeOffset GetUtcNow() => now;
    }
}

using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// Accepted tokens are remembered so a billing run does not verify the same signature a million
/// times; a remembered token must still stop working the moment it expires. No clock skew here,
/// so the expiry is exact.
/// </summary>
public sealed class TokenExpiryTests
{
    [Fact]
    public async Task GetRating_AcceptedTokenAfterItExpires_UnauthenticatedTokenExpired()
    {
        using var tokens = new TestTokens();
        await using var server = await ServerInstance.StartAsync(new ServerSettings
        {
            Tokens = tokens,
            Configuration = new Dictionary<string, string?> { ["MuScore:Auth:Jwt:ClockSkewSeconds"] = "0" },
        });
        await server.Health.CheckAsync(new Grpc.Health.V1.HealthCheckRequest());

        // Issued once the server is warm, so the first call lands well inside the token's life even on a busy machine.
        var expires = DateTime.UtcNow.AddSeconds(4);
        using var channel = server.ChannelAs(tokens.Issue("grid", "ratings:read", ["*"], expires: expires));
        var client = new RatingService.RatingServiceClient(channel);
        var request = new GetRatingRequest { Region = "331082", CreditCode = Support.Records.Code(1, "331082") };

        var before = await CallOutcome.Of(() => client.GetRatingAsync(request).ResponseAsync);
        await Task.Delay(expires - DateTime.UtcNow + TimeSpan.FromSeconds(1.5));
        var after = await CallOutcome.Of(() => client.GetRatingAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, before.Code);
        Assert.Equal(StatusCode.Unauthenticated, after.Code);
        Assert.Equal("TOKEN_EXPIRED", after.Info?.Reason);
    }
}

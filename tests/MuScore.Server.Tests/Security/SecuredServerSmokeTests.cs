using Google.Rpc;
using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Security;

public sealed class SecuredServerSmokeTests
{
    [Fact]
    public async Task GetRating_OverTlsWithTokens_AuthenticatesAuthorisesAndChecksRegions()
    {
        using var pki = new TestPki();
        using var tokens = new TestTokens();
        await using var server = await ServerInstance.StartAsync(new ServerSettings { Tls = pki, Tokens = tokens });
        var request = new GetRatingRequest { Region = "331082", CreditCode = MuScore.TestSupport.TestCreditCodes.Make(1, "331082"), Year = 2024 };

        using var none = server.ChannelAs(null);
        var missing = await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => new RatingService.RatingServiceClient(none).GetRatingAsync(request).ResponseAsync);
        Assert.Equal("CREDENTIAL_MISSING", missing.GetDetail<ErrorInfo>()!.Reason);

        using var reader = server.ChannelAs(tokens.Issue("grid", "ratings:read", ["3310"]));
        var reason = await RpcAssert.NotFound(() => new RatingService.RatingServiceClient(reader).GetRatingAsync(request).ResponseAsync);
        Assert.Equal("NOTHING_PUBLISHED", reason);

        var foreign = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => new RatingService.RatingServiceClient(reader).GetRatingAsync(new GetRatingRequest { Region = "330102", CreditCode = request.CreditCode }).ResponseAsync);
        Assert.Equal("REGION_NOT_ALLOWED", foreign.GetDetail<ErrorInfo>()!.Reason);

        using var rsa = server.ChannelAs(tokens.Issue("land", "policy:quote", ["*"], TestTokens.Signer.Rsa));
        var scope = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => new RatingService.RatingServiceClient(rsa).GetRatingAsync(request).ResponseAsync);
        Assert.Equal("ratings:read", scope.GetDetail<ErrorInfo>()!.Metadata["scope"]);

        using var expired = server.ChannelAs(tokens.Issue("grid", "ratings:read", ["*"], notBefore: DateTime.UtcNow.AddHours(-3), expires: DateTime.UtcNow.AddHours(-2)));
        var old = await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => new RatingService.RatingServiceClient(expired).GetRatingAsync(request).ResponseAsync);
        Assert.Equal("TOKEN_EXPIRED", old.GetDetail<ErrorInfo>()!.Reason);

        using var unsigned = server.ChannelAs(TestTokens.WithoutSignature("grid", "ratings:read", ["*"]));
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => new RatingService.RatingServiceClient(unsigned).GetRatingAsync(request).ResponseAsync);

        using var stranger = server.ChannelAs(tokens.Issue("grid", "ratings:read", ["*"], TestTokens.Signer.Stranger));
        var unknown = await RpcAssert.FailsWith(StatusCode.Unauthenticated, () => new RatingService.RatingServiceClient(stranger).GetRatingAsync(request).ResponseAsync);
        Assert.Equal("TOKEN_UNKNOWN_KEY", unknown.GetDetail<ErrorInfo>()!.Reason);
    }
}

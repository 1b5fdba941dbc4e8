using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.TestSupport.Security;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// Machines authenticate with client certificates: one that chains to the client CA and is mapped
/// (by thumbprint or subject) is that caller, with its scopes and regions; anything else is
/// UNAUTHENTICATED saying why. A request with a token is judged by the token alone.
/// </summary>
public sealed class ClientCertificateTests(SecuredServerFixture fixture) : IClassFixture<SecuredServerFixture>
{
    private static readonly GetRatingRequest Linhai = new() { Region = "331082", CreditCode = Support.Records.Code(1, "331082"), Year = 2024 };

    [Fact]
    public async Task GetRating_CertificateMappedByThumbprint_HandledWithItsScope()
    {
        var rating = await GetRatingAsync(fixture.ThumbprintClient);
        var tariff = await QuoteTariffAsync(fixture.ThumbprintClient);

        Assert.Equal(StatusCode.NotFound, rating.Code);
        Assert.Equal("NOTHING_PUBLISHED", rating.Info?.Reason);
        Assert.Equal(StatusCode.PermissionDenied, tariff.Code);
        Assert.Equal("policy:quote", tariff.Info?.Metadata["scope"]);
        Assert.Contains(SecuredServerFixture.ThumbprintCaller, tariff.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuoteTariff_CertificateMappedBySubject_HandledWithItsScope()
    {
        var tariff = await QuoteTariffAsync(fixture.SubjectClient);
        var rating = await GetRatingAsync(fixture.SubjectClient);

        Assert.Equal(StatusCode.OK, tariff.Code);
        Assert.Equal(StatusCode.PermissionDenied, rating.Code);
        Assert.Equal("ratings:read", rating.Info?.Metadata["scope"]);
        Assert.Contains(SecuredServerFixture.SubjectCaller, rating.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRating_UnmappedCertificateFromTheClientCa_UnauthenticatedNotMapped()
    {
        using var stranger = fixture.Pki.Client("CN=someone, O=Somewhere");

        var outcome = await GetRatingAsync(stranger);

        AssertCertificateRefused(outcome, "not mapped");
    }

    [Fact]
    public async Task GetRating_CertificateFromAnotherCaWithAMappedSubject_UnauthenticatedNotValid()
    {
        // Same subject as a mapped caller, issued by a CA the server does not trust: the subject alone proves nothing.
        using var otherPki = new TestPki("Impostor CA");
        using var impostor = otherPki.Client(SecuredServerFixture.MappedSubject);

        var outcome = await GetRatingAsync(impostor);

        AssertCertificateRefused(outcome, "not valid under the configured client CA");
    }

    [Fact]
    public async Task GetRating_SelfSignedCertificateWithAMappedSubject_UnauthenticatedNotValid()
    {
        using var key = System.Security.Cryptography.ECDsa.Create();
        using var selfSigned = new CertificateRequest(SecuredServerFixture.MappedSubject, key, System.Security.Cryptography.HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        var outcome = await GetRatingAsync(selfSigned);

        AssertCertificateRefused(outcome, "not valid under the configured client CA");
    }

    [Fact]
    public async Task GetRating_ExpiredMappedCertificate_UnauthenticatedNotValid()
    {
        var outcome = await GetRatingAsync(fixture.ExpiredClient);

        AssertCertificateRefused(outcome, "not valid under the configured client CA");
    }

    [Fact]
    public async Task GetRating_BadTokenWithAGoodCertificate_UnauthenticatedByTheToken()
    {
        var expired = fixture.Tokens.Issue("grid", "ratings:read", ["*"], notBefore: DateTime.UtcNow.AddHours(-3), expires: DateTime.UtcNow.AddHours(-2));
        using var channel = fixture.Server.ChannelAs(expired, fixture.ThumbprintClient);

        var outcome = await CallOutcome.Of(() => new RatingService.RatingServiceClient(channel).GetRatingAsync(Linhai).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, outcome.Code);
        Assert.Equal("TOKEN_EXPIRED", outcome.Info?.Reason);
    }

    [Fact]
    public async Task QuoteTariff_GoodTokenWithAnUnmappedCertificate_HandledAsTheToken()
    {
        using var stranger = fixture.Pki.Client("CN=someone-else");
        using var channel = fixture.Server.ChannelAs(fixture.Tokens.Issue("grid", "policy:quote", ["33"]), stranger);

        var outcome = await CallOutcome.Of(() => new PolicyService.PolicyServiceClient(channel).QuoteTariffAsync(RpcSamples.Tariff("331082")).ResponseAsync);

        Assert.Equal(StatusCode.OK, outcome.Code);
    }

    private static void AssertCertificateRefused(CallOutcome outcome, string why)
    {
        Assert.Equal(StatusCode.Unauthenticated, outcome.Code);
        Assert.NotNull(outcome.Info);
        Assert.Equal("muscore", outcome.Info.Domain);

        // Not CREDENTIAL_MISSING: the certificate reached the server and was judged.
        Assert.Equal("CREDENTIAL_INVALID", outcome.Info.Reason);
        Assert.Contains(why, outcome.Message, StringComparison.Ordinal);
    }

    private async Task<CallOutcome> GetRatingAsync(X509Certificate2 certificate)
    {
        using var channel = fixture.Server.ChannelAs(null, certificate);
        return await CallOutcome.Of(() => new RatingService.RatingServiceClient(channel).GetRatingAsync(Linhai).ResponseAsync);
    }

    private async Task<CallOutcome> QuoteTariffAsync(X509Certificate2 certificate)
    {
        using var channel = fixture.Server.ChannelAs(null, certificate);
        return await CallOutcome.Of(() => new PolicyService.PolicyServiceClient(channel).QuoteTariffAsync(RpcSamples.Tariff("331082")).ResponseAsync);
    }
}

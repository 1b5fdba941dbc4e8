using System.Globalization;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Security;

/// <summary>
/// A client that shares nothing with the server — Python, Debian's python3-grpcio, protobuf
/// written by hand (tests/outsider/secure_client.py) — reaches it over TLS with the test CA, a
/// bearer token and a client certificate, and gets the statuses and ErrorInfo a .NET client gets.
/// </summary>
public sealed class OutsiderClientTests(PublishedSecuredServerFixture fixture) : IClassFixture<PublishedSecuredServerFixture>
{
    private const string Install = "the outsider client needs python3 with Debian's python3-grpcio: apt-get install python3-grpcio (.ci/run installs it)";

    [Fact]
    public async Task PythonGrpcClient_OverTlsWithTokenAndCertificate_GetsTheStatusesOfTheContract()
    {
        var server = fixture.Secured;
        var region = PublishedSecuredServerFixture.ListsRegion;
        var code = PublishedSecuredServerFixture.LinhaiCode(101);
        var token = server.Tokens.Issue("outsider", "ratings:read", ["3310"]);
        using var dotnet = server.Server.ChannelAs(token);
        var expected = (await new RatingService.RatingServiceClient(dotnet).GetRatingAsync(new GetRatingRequest { Region = region, CreditCode = code })).Rating;
        var (certificate, key) = server.Pki.WriteClient(server.ThumbprintClient, "outsider");

        var lines = await OutsiderScript.RunAsync("secure_client.py", token,
        [
            "--target", $"127.0.0.1:{server.Server.Port}",
            "--ca", server.Pki.AuthorityFile,
            "--region", region,
            "--code", code,
            "--unknown-code", PublishedSecuredServerFixture.LinhaiCode(999),
            "--foreign-region", "350206",
            "--foreign-code", Support.Records.Code(1, "350206"),
            "--cert", certificate,
            "--key", key,
        ], Install);

        var rated = string.Create(CultureInfo.InvariantCulture, $"status=OK code={code} class={(int)expected.RatingClass} figures=no");
        Assert.Equal("status=OK serving=SERVING", lines["health"]);
        Assert.Equal("status=UNAUTHENTICATED reason=CREDENTIAL_MISSING", lines["no-credential"]);
        Assert.Equal(rated, lines["token"]);
        Assert.StartsWith("status=NOT_FOUND reason=ENTERPRISE_NOT_FOUND", lines["token-unknown"], StringComparison.Ordinal);
        Assert.StartsWith("status=PERMISSION_DENIED reason=REGION_NOT_ALLOWED region=350206", lines["token-foreign"], StringComparison.Ordinal);
        Assert.Equal(rated, lines["certificate"]);
        Assert.NotEqual(RatingClass.Unspecified, expected.RatingClass);
    }
}

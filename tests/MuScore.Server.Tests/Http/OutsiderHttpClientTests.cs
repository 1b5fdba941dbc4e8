using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;
using MuScore.Server.Tests.Security;

namespace MuScore.Server.Tests.Http;

/// <summary>
/// A caller that shares nothing with the server — Python's standard library (urllib, ssl, json),
/// tests/outsider/http_client.py — reaches the web listener over TLS with the test CA and a bearer
/// token, and gets the answers and statuses a .NET client gets. Runs when python3 is present (it is in CI).
/// </summary>
[Collection(HttpApiServerGroup.Name)]
public sealed class OutsiderHttpClientTests(PublishedSecuredServerFixture fixture)
{
    [Fact]
    public async Task PythonUrllibClient_OverTlsWithToken_GetsTheAnswersAndStatusesOfTheContract()
    {
        if (!OnPath("python3"))
        {
            // The image CI runs in has python3; a developer machine without it skips this outsider.
            return;
        }

        var server = fixture.Secured;
        var region = PublishedSecuredServerFixture.ListsRegion;
        var code = PublishedSecuredServerFixture.LinhaiCode(101);
        var token = server.Tokens.Issue("outsider", "ratings:read", ["3310"]);
        using var channel = server.Server.ChannelAs(token);
        var expected = (await new RatingService.RatingServiceClient(channel).GetRatingAsync(new GetRatingRequest { Region = region, CreditCode = code })).Rating;

        var lines = await OutsiderScript.RunAsync("http_client.py", token,
        [
            "--base", server.Server.WebAddress.ToString().TrimEnd('/'),
            "--ca", server.Pki.AuthorityFile,
            "--region", region,
            "--code", code,
            "--unknown-code", PublishedSecuredServerFixture.LinhaiCode(999),
            "--foreign-region", "350206",
        ]);

        var className = MuScore.Contracts.V1.Rating.Descriptor.FindFieldByName("rating_class").EnumType.FindValueByNumber((int)expected.RatingClass).Name;
        Assert.Equal($"status=200 code={code} class={className} figures=no stale=false", lines["rating"]);
        Assert.Equal("status=401 challenge=Bearer reason=CREDENTIAL_MISSING", lines["no-credential"]);
        Assert.Equal("status=404 reason=ENTERPRISE_NOT_FOUND", lines["unknown"]);
        Assert.Equal("status=403 reason=REGION_NOT_ALLOWED", lines["foreign"]);
        Assert.Equal("status=400 fields=credit_codes[1]", lines["bad-batch"]);
        Assert.Equal("status=200 entries=2 second=not_found", lines["batch"]);
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}

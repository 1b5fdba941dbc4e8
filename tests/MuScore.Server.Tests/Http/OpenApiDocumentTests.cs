using System.Net;
using System.Text.Json;
using MuScore.Server.Tests.Security;

namespace MuScore.Server.Tests.Http;

/// <summary>The OpenAPI document at /openapi/v1.json: served without a token, listing every route with the proto comments.</summary>
[Collection(HttpApiServerGroup.Name)]
public sealed class OpenApiDocumentTests(PublishedSecuredServerFixture fixture)
{
    [Fact]
    public async Task OpenApi_NoCredential_ListsEveryRouteWithItsMethodAndProtoComment()
    {
        using var http = fixture.Secured.Server.WebClient();

        var answer = await HttpAnswer.GetAsync(http, "/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        using var document = JsonDocument.Parse(answer.Body);
        var paths = document.RootElement.GetProperty("paths");
        (string Path, string Method, string Comment)[] expected =
        [
            ("/v1/regions/{region}/ratings/{creditCode}", "get", "One enterprise's published rating."),
            ("/v1/regions/{region}/ratings:batchGet", "post", "Up to 1,000 enterprises of one region in one call."),
            ("/v1/regions/{region}/tariffs/{creditCode}", "get", "The surcharge for one enterprise, utility and billing date."),
            ("/v1/regions/{region}/land-transfers:check", "post", "Whether an enterprise may receive industrial land"),
            ("/v1/regions/{region}/years/{year}/notice", "get", "The draft classes on notice, without figures"),
            ("/v1/regions/{region}/years/{year}/objections", "post", "Files an objection for one enterprise of the noticed run."),
        ];
        foreach (var (path, method, comment) in expected)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from {string.Join(", ", paths.EnumerateObject().Select(p => p.Name))}");
            var operation = item.GetProperty(method);
            Assert.Contains(comment, operation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(expected.Length, paths.EnumerateObject().Count());
        Assert.Equal("bearer", document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task OpenApi_TwoFetches_ByteIdentical()
    {
        using var http = fixture.Secured.Server.WebClient();

        var first = await HttpAnswer.GetAsync(http, "/openapi/v1.json");
        var second = await HttpAnswer.GetAsync(http, "/openapi/v1.json");

        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task UnknownPath_404WithoutData()
    {
        using var http = fixture.Secured.Server.WebClient();

        var answer = await HttpAnswer.GetAsync(http, "/v1/regions/331082/everything");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }
}

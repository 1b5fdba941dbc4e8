using System.Globalization;
using System.Net;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;

namespace MuScore.Server.Tests.Http;

/// <summary>
/// The public notice view (GetNotice) and FileObjection over HTTP/1.1, as a government service
/// portal calls them: a draft is put on notice today over gRPC, then read and objected to with JSON.
/// </summary>
public sealed class HttpReviewRouteTests : IAsyncLifetime
{
    private const string Region = "331083";
    private const int Year = 2025;

    private ServerInstance? server;

    // Disposed with the server in DisposeAsync.
    private TestTokens Tokens { get; } = new();

    private ServerInstance Server => server ?? throw new InvalidOperationException("not started");

    private static string Code(int serial) => Records.Code(serial, Region);

    private static string NoticePath(string region = Region, int year = Year) => string.Create(CultureInfo.InvariantCulture, $"/v1/regions/{region}/years/{year}/notice");

    private static string ObjectionsPath => string.Create(CultureInfo.InvariantCulture, $"/v1/regions/{Region}/years/{Year}/objections");

    public async Task InitializeAsync()
    {
        server = await ServerInstance.StartAsync(new ServerSettings { Tokens = Tokens });
        using var office = Server.ChannelAs(Tokens.Issue("office", "runs:submit review:manage", ["3310"]));
        var records = Enumerable.Range(1, 12).Select(i => Records.Enterprise(i, Region, 50m + (i * 25m))).ToList();
        var run = await Runs.SubmitAsync(new EvaluationService.EvaluationServiceClient(office), Runs.Header(Region, Year), records);
        await new ReviewService.ReviewServiceClient(office).StartNoticeAsync(new StartNoticeRequest { RunId = run.RunId, WorkingDays = 5 });
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Tokens.Dispose();
    }

    [Fact]
    public async Task GetNotice_NoticeReadScope_200EqualsTheGrpcViewWithoutFigures()
    {
        var token = Tokens.Issue("portal", "notice:read", ["3310"]);
        using var channel = Server.ChannelAs(token);
        var expected = await new ReviewService.ReviewServiceClient(channel).GetNoticeAsync(new GetNoticeRequest { Region = Region, Year = Year });
        using var http = Server.WebClient(token);

        var answer = await HttpAnswer.GetAsync(http, NoticePath());

        var view = answer.As<NoticeView>();
        Assert.Equal(expected, view);
        Assert.Equal(12, view.Entries.Count);
        Assert.DoesNotContain("figures", answer.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetNotice_Refusals_401403404()
    {
        using var anonymous = Server.WebClient();
        using var ratingsOnly = Server.WebClient(Tokens.Issue("portal", "ratings:read", ["3310"]));
        using var elsewhere = Server.WebClient(Tokens.Issue("portal", "notice:read", ["3501"]));
        using var reader = Server.WebClient(Tokens.Issue("portal", "notice:read", ["3310"]));

        var none = await HttpAnswer.GetAsync(anonymous, NoticePath());
        var scope = await HttpAnswer.GetAsync(ratingsOnly, NoticePath());
        var region = await HttpAnswer.GetAsync(elsewhere, NoticePath());
        var missing = await HttpAnswer.GetAsync(reader, NoticePath(year: 2024));
        var bad = await HttpAnswer.GetAsync(reader, NoticePath(year: 1200));

        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        Assert.Equal("CREDENTIAL_MISSING", none.Reason);
        Assert.Equal(HttpStatusCode.Forbidden, scope.Status);
        Assert.Equal("MISSING_SCOPE", scope.Reason);
        Assert.Equal(HttpStatusCode.Forbidden, region.Status);
        Assert.Equal("REGION_NOT_ALLOWED", region.Reason);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains(bad.Violations, v => v.Field == "year");
    }

    [Fact]
    public async Task FileObjection_TheEnterpriseItself_200WithTheObjection()
    {
        using var enterprise = Server.WebClient(Tokens.Issue(Code(3), "objections:file", ["3310"]));

        var answer = await HttpAnswer.PostAsync(enterprise, ObjectionsPath, $$"""
            {"creditCode": "{{Code(3)}}", "filedBy": "张三 (财务)", "text": "2025 年税收少计了一笔。",
             "attachments": [{"name": "税单.pdf", "sha256": "{{new string('a', 64)}}", "sizeBytes": "2048"}]}
            """);

        var objection = answer.As<Objection>();
        Assert.StartsWith("obj-", objection.ObjectionId, StringComparison.Ordinal);
        Assert.Equal(Code(3), objection.CreditCode);
        Assert.Equal(Code(3), objection.FiledByCaller);
        Assert.Equal(Year, objection.Year);
    }

    [Fact]
    public async Task FileObjection_ForAnotherEnterprise_403()
    {
        using var enterprise = Server.WebClient(Tokens.Issue(Code(3), "objections:file", ["3310"]));

        var answer = await HttpAnswer.PostAsync(enterprise, ObjectionsPath, $$"""{"creditCode": "{{Code(4)}}", "filedBy": "张三", "text": "不服"}""");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("OWN_ENTERPRISE_ONLY", answer.Reason);
    }

    [Fact]
    public async Task FileObjection_NoText_400NamingText()
    {
        using var enterprise = Server.WebClient(Tokens.Issue(Code(3), "objections:file", ["3310"]));

        var answer = await HttpAnswer.PostAsync(enterprise, ObjectionsPath, $$"""{"creditCode": "{{Code(3)}}", "filedBy": "张三", "text": ""}""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(answer.Violations, v => v.Field == "text");
    }

    [Fact]
    public async Task FileObjection_NoticeScopeOnly_403MissingScope()
    {
        using var reader = Server.WebClient(Tokens.Issue(Code(3), "notice:read", ["3310"]));

        var answer = await HttpAnswer.PostAsync(reader, ObjectionsPath, $$"""{"creditCode": "{{Code(3)}}", "filedBy": "张三", "text": "不服"}""");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("MISSING_SCOPE", answer.Reason);
    }
}

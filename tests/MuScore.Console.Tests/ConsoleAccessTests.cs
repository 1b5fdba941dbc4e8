using System.Net;
using Microsoft.Playwright;
using MuScore.Console.Tests.Support;
using MuScore.Contracts.V1;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;
using static Microsoft.Playwright.Assertions;

namespace MuScore.Console.Tests;

/// <summary>
/// Deny by default in the browser, against the real server: no session, a refused token, a
/// person without the page's scope, a run of another region; a small first page; antiforgery.
/// </summary>
public sealed class ConsoleAccessTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task The_first_page_is_small_needs_no_script_and_a_form_post_without_its_antiforgery_token_is_refused()
    {
        using var tokens = new TestTokens();
        await using var server = await ServerInstance.StartAsync(new ServerSettings { Tokens = tokens });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.WebAddress };

        using var first = await http.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/console/sign-in", new Uri(server.WebAddress, first.Headers.Location!).AbsolutePath);

        var page = await http.GetByteArrayAsync("/console/sign-in");
        Assert.InRange(page.Length, 1, 500 * 1024);
        var html = System.Text.Encoding.UTF8.GetString(page);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("Noto Sans CJK SC", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        using var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "sign-in", ["Posted.Token"] = tokens.Issue("clerk", "runs:submit", ["331082"]) });
        using var refused = await http.PostAsync("/console/sign-in", forged);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("muscore-console=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_refused_token_signs_nobody_in_and_pages_beyond_a_persons_scopes_or_regions_are_refused()
    {
        using var tokens = new TestTokens();
        await using var server = await ServerInstance.StartAsync(new ServerSettings { Tokens = tokens });
        var runId = await SubmitAsync(server, tokens.Issue("clerk-zhao", "runs:submit", [YearFiles.Region]));

        var (context, page, errors) = await chromium.OpenAsync(server.WebAddress);
        await using (context)
        {
            // A token from a key the server does not trust.
            await page.GotoAsync("/console/sign-in");
            await page.Locator("#token").FillAsync(tokens.Issue("intruder", "runs:submit", ["*"], TestTokens.Signer.Stranger));
            await page.Locator("#sign-in").ClickAsync();
            await Expect(page.Locator("#sign-in-error")).ToContainTextAsync("not signed by a key this server trusts");
            Assert.Equal(302, (await page.APIRequest.GetAsync("/console", new() { MaxRedirects = 0 })).Status);

            // An auditor: signed in, but no console page is open to audit:read.
            await SignInAsync(page, tokens.Issue("auditor-sun", "audit:read", ["*"]));
            var upload = await page.GotoAsync("/console/upload");
            Assert.Equal(403, upload!.Status);
            await Expect(page.Locator("main [role=alert]")).ToContainTextAsync("runs:submit");
            Assert.Equal(0, await page.Locator("#file").CountAsync());

            // A reader of another county: the run exists but is outside its regions.
            await page.GotoAsync("/console/sign-in");
            await SignInAsync(page, tokens.Issue("reader-hz", "ratings:read ratings:figures", ["3301"]));
            var run = await page.GotoAsync($"/console/runs/{runId}");
            Assert.Equal(403, run!.Status);
            await Expect(page.Locator("main [role=alert]")).ToContainTextAsync(YearFiles.Region);
            Assert.Equal(403, (await page.APIRequest.GetAsync($"/console/runs/{runId}/ratings.csv")).Status);
            Assert.Equal(403, (await page.GotoAsync($"/console/reviews/{YearFiles.Region}/{YearFiles.Year}"))!.Status);

            // A reader of the county sees it, its charts and its downloads, without figures.
            await page.GotoAsync("/console/sign-in");
            await SignInAsync(page, tokens.Issue("reader-lh", "ratings:read", [YearFiles.Region]));
            Assert.Equal(200, (await page.GotoAsync($"/console/runs/{runId}"))!.Status);
            Assert.True(await page.Locator("#charts svg").CountAsync() >= 1);
            var csv = await (await page.APIRequest.GetAsync($"/console/runs/{runId}/ratings.csv")).TextAsync();
            Assert.StartsWith("credit_code,", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
            // Without ratings:figures the land and tax columns stay empty.
            var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.EndsWith(",,", row.TrimEnd('\r'), StringComparison.Ordinal));
            var report = await page.APIRequest.GetAsync($"/console/runs/{runId}/report.html");
            Assert.Equal(200, report.Status);
            Assert.Contains("<svg", await report.TextAsync(), StringComparison.Ordinal);

            // The refusals above are 403 answers the browser reports as failed loads; nothing else went wrong.
            Assert.All(errors, e => Assert.Contains("403", e, StringComparison.Ordinal));
        }
    }

    private static async Task SignInAsync(IPage page, string token)
    {
        await page.Locator("#token").FillAsync(token);
        await page.Locator("#sign-in").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }

    /// <summary>The county's clean file as a draft run, submitted over gRPC by a clerk.</summary>
    private static async Task<string> SubmitAsync(ServerInstance server, string token)
    {
        using var channel = server.ChannelAs(token);
        using var call = new EvaluationService.EvaluationServiceClient(channel).SubmitRun();
        await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = new RunHeader { Region = YearFiles.Region, Year = YearFiles.Year, SchemeName = "zj-standard" } });
        var batch = new RecordBatch();
        batch.Records.AddRange(YearFiles.Rows.Select(row => EnterpriseRecordFields.FromCells(field => row[(int)field])));
        await call.RequestStream.WriteAsync(new SubmitRunRequest { Batch = batch });
        await call.RequestStream.CompleteAsync();
        return (await call.ResponseAsync).Run.RunId;
    }
}

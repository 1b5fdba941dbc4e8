using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using MuScore.Console.Tests.Support;
using MuScore.Contracts.V1;
using MuScore.TestSupport.Security;
using MuScore.TestSupport.Server;

namespace MuScore.Console.Tests;

/// <summary>
/// One whole year in a real browser against the real server: a clerk uploads a bad file (its row
/// errors shown) and the good one, puts the draft on notice, records and decides an objection and
/// proposes an adjustment; the head of the office approves it and, once the notice has ended,
/// publishes the final result; then a consumer reads the final class over gRPC and HTTP/JSON.
/// Along the way: inline SVG charts, Chinese text, the English toggle, no browser console error.
/// </summary>
public sealed class WholeYearTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string Clerk = "clerk-wang";
    private const string Head = "head-li";

    [Fact]
    public async Task A_clerk_and_the_head_of_office_walk_one_year_from_upload_to_the_final_class_a_consumer_reads()
    {
        using var tokens = new TestTokens();
        var clock = new ShiftedClock();
        using var logs = new CapturedLogs();
        await using var server = await ServerInstance.StartAsync(new ServerSettings
        {
            Tokens = tokens,
            Services = services => services.AddSingleton<TimeProvider>(clock),
            Logs = logs,
            Configuration = new Dictionary<string, string?> { ["MuScore:Review:Required"] = "true" },
        });
        string[] region = [YearFiles.Region];
        var clerkToken = tokens.Issue(Clerk, "runs:submit ratings:read ratings:figures review:manage objections:file", region);
        var headToken = tokens.Issue(Head, "ratings:read review:manage review:approve", region);
        var consumerToken = tokens.Issue("grid-billing", "ratings:read", region);
        var code = string.Empty;

        var (context, page, errors) = await chromium.OpenAsync(server.WebAddress);
        await using (context)
        {
            try
            {
                code = await WalkAsync(page, clerkToken, headToken, clock);
            }
            catch (Exception failure) when (failure is PlaywrightException or TimeoutException or InvalidOperationException)
            {
                // The server's side of a failed step: what it logged at warning and above.
                throw new InvalidOperationException(failure.Message + "\nserver log:\n" + string.Join("\n", logs.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error).Select(e => $"{e.Category}: {e.Message} {e.Exception}")), failure);
            }

            Assert.Empty(errors);
        }

        // The consumer reads the final class: over gRPC...
        using var channel = server.ChannelAs(consumerToken);
        var rating = (await new RatingService.RatingServiceClient(channel).GetRatingAsync(new GetRatingRequest { Region = YearFiles.Region, CreditCode = code, Year = YearFiles.Year })).Rating;
        Assert.Equal(RatingClass.D, rating.RatingClass);

        // ...and over HTTP/JSON.
        using var http = new HttpClient { BaseAddress = server.WebAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/regions/{YearFiles.Region}/ratings/{code}?year={YearFiles.Year}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", consumerToken);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("RATING_CLASS_D", json.RootElement.GetProperty("rating").GetProperty("ratingClass").GetString());
    }

    /// <summary>The browser's part of the year; returns the credit code adjusted to D.</summary>
    private static async Task<string> WalkAsync(IPage page, string clerkToken, string headToken, ShiftedClock clock)
    {
        // Any page without a session leads to the sign-in page.
        await page.GotoAsync("/console/upload");
        Assert.EndsWith("/console/sign-in?back=%2Fconsole%2Fupload", page.Url, StringComparison.Ordinal);
        await SignInAsync(page, clerkToken);
        Assert.EndsWith("/console/upload", page.Url, StringComparison.Ordinal);
        Assert.Equal("zh-CN", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("上传年度数据", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(Clerk, await page.Locator("#signed-in-as").InnerTextAsync());

        // A bad file: the row, the column and the rule of each problem are shown.
        await UploadAsync(page, "county-2024-bad.csv", YearFiles.Bad());
        var rejected = page.Locator("#rejected-rows tbody tr");
        Assert.Equal(1, await rejected.CountAsync());
        var cells = await rejected.First.Locator("td").AllInnerTextsAsync();
        Assert.Equal(["3", "tax", "number_format"], cells.Take(3));

        // The good file: a draft with its counts per pool and class.
        await UploadAsync(page, "county-2024.csv", YearFiles.Good());
        Assert.Equal(0, await page.Locator("#rejected-rows").CountAsync());
        Assert.True(await page.Locator("#upload-result table.pools tbody tr").CountAsync() >= 1);
        await page.Locator("#run-link").ClickAsync();
        await page.WaitForURLAsync("**/console/runs/**");

        // The run view's charts are inline SVG drawn by MuScore.Reports.
        Assert.True(await page.Locator("#charts svg").CountAsync() >= 3, "class distribution, score against tax per mu and the indicators' distributions");
        // An enterprise rated above D: the one the year's adjustment will move.
        var rated = page.Locator("#enterprises tbody tr").Filter(new LocatorFilterOptions { HasNotText = "—" }).Filter(new LocatorFilterOptions { HasNot = page.Locator("td:last-child", new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("^D$") }) }).First;
        var code = (await rated.Locator("td").First.InnerTextAsync()).Split(' ')[0];
        await rated.Locator("a").ClickAsync();
        Assert.Contains("企业画像", await page.Locator("#card h1").InnerTextAsync(), StringComparison.Ordinal);
        await page.GoBackAsync();

        // Public notice, started today for five working days.
        await page.Locator("#workflow-link").ClickAsync();
        await page.Locator("#start-notice").ClickAsync();
        await Expect(page.Locator("#review-state")).ToHaveTextAsync("公示中");

        // An objection recorded for the enterprise, then rejected after re-checking.
        await page.Locator("#objection-code").FillAsync(code);
        await page.Locator("#objection-by").FillAsync("临海市某企业财务部");
        await page.Locator("#objection-text").FillAsync("用地面积统计有误，请复核。");
        await page.Locator("#file-objection").ClickAsync();
        var objection = page.Locator("#objections tbody tr").First;
        Assert.Contains(Clerk, await objection.Locator(".who").InnerTextAsync(), StringComparison.Ordinal);
        await objection.Locator("select").SelectOptionAsync("rejected");
        await objection.Locator("input[type=text]").FillAsync("复核后用地数据无误");
        await objection.Locator("button.decide").ClickAsync();
        await Expect(page.Locator("#objections tbody tr .decision").First).ToHaveTextAsync("异议不成立");

        // An adjustment to D for a safety incident found later, proposed by the clerk.
        await page.Locator("#adjust-code").FillAsync(code);
        await page.Locator("#adjust-class").SelectOptionAsync("D");
        await page.Locator("#adjust-reason").FillAsync("发生重大安全事故，调整为D类");
        await page.Locator("#propose-adjustment").ClickAsync();
        await Expect(page.Locator("#adjustments .adjustment-state").First).ToHaveTextAsync("待审核");
        var reviewPath = new Uri(page.Url).AbsolutePath;

        // The head of office approves it (a second person) and, once the notice has ended, publishes.
        await page.Locator("header form button").ClickAsync();
        await page.WaitForURLAsync("**/console/sign-in");
        await SignInAsync(page, headToken);
        await page.GotoAsync(reviewPath);
        await page.Locator("#adjustments button.approve").ClickAsync();
        Assert.Contains(Head, await page.Locator("#adjustments tbody tr").First.InnerTextAsync(), StringComparison.Ordinal);

        clock.Offset = TimeSpan.FromDays(21);
        await page.GotoAsync("/console/sign-in");
        await SignInAsync(page, headToken);
        await page.GotoAsync(reviewPath);
        await page.Locator("#final-reason").FillAsync("公示期满，异议已复核");
        await page.Locator("#finalize").ClickAsync();
        await Expect(page.Locator("#review-state")).ToHaveTextAsync("已定稿");
        Assert.Contains(Head, await page.Locator("#final-publication .who").InnerTextAsync(), StringComparison.Ordinal);

        // The English toggle.
        await page.Locator("#lang-toggle").ClickAsync();
        await page.WaitForURLAsync("**" + reviewPath);
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Expect(page.Locator("#review-state")).ToHaveTextAsync("Final");
        return code;

    }

    private static async Task SignInAsync(IPage page, string token)
    {
        await page.Locator("#token").FillAsync(token);
        await page.Locator("#sign-in").ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        }
        catch (TimeoutException)
        {
            // Say why: the refusal the page shows, or what it shows instead.
            throw new InvalidOperationException("sign-in did not leave the sign-in page: " + await page.Locator("main").InnerTextAsync());
        }
    }

    private static async Task UploadAsync(IPage page, string name, byte[] content)
    {
        await page.GotoAsync("/console/upload");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = content });
        await page.Locator("#region").FillAsync(YearFiles.Region);
        await page.Locator("#year").FillAsync(YearFiles.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#upload-submit").ClickAsync();
        await page.Locator("#upload-result, #upload-error").First.WaitForAsync();
    }
}

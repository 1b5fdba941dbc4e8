using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MuScore.Ingest;
using MuScore.Reports;
using MuScore.Server.Security;
using MuScore.Store;

namespace MuScore.Server.WebConsole;

/// <summary>
/// The run's files: the HTML report of <c>muscore report</c>, and ratings.csv (the identity, class and scores of every rated or excluded
/// enterprise; figures only with ratings:figures). Same checks as the run view.
/// </summary>
internal static class ConsoleDownloads
{
    internal const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Headers = ["credit_code", "name", "region", "year", "industry", "scale", "status", "pool", "total", "rank", "pool_size", "percentile", "class", "override", "gap_to_next_class", "land_mu", "tax_wan"];

    public static void Map(RouteGroupBuilder console)
    {
        // The same self-contained HTML file as muscore report: charts as inline SVG, no network.
        console.MapGet("/runs/{runId}/report.html", async (string runId, HttpContext http, ConsoleSession session, ConsoleRuns runs, ConsoleReports reports, CancellationToken cancellationToken) =>
        {
            var (refusal, user, run) = await OpenAsync(runId, http, session, runs, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            var report = await reports.ForRunAsync(user!.Caller, run!, cancellationToken).ConfigureAwait(false);
            if (report.Current is not { } current)
            {
                return Results.Problem(report.Problem, statusCode: StatusCodes.Status422UnprocessableEntity);
            }

            var html = HtmlReport.Render(ReportContent.Build(current, report.Previous), ConsoleReports.Language(ConsoleText.For(http)));
            return Results.File(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"report-{run!.Region}-{run.Year}.html"));
        });

        console.MapGet("/runs/{runId}/ratings.csv", async (string runId, HttpContext http, ConsoleSession session, ConsoleRuns runs, CancellationToken cancellationToken) =>
        {
            var (refusal, user, run) = await OpenAsync(runId, http, session, runs, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            var ratings = await runs.RatingsAsync(run!, cancellationToken).ConfigureAwait(false);
            var figures = user!.Caller.Has(Scopes.RatingsFigures);
            var buffer = new MemoryStream();
            using (var writer = new CsvTableWriter(buffer, Headers, leaveOpen: true))
            {
                foreach (var r in ratings)
                {
                    writer.WriteRow(Row(r, figures));
                }
            }

            buffer.Position = 0;
            return Results.File(buffer, "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"ratings-{run!.Region}-{run.Year}.csv"));
        });

        // The columns of muscore rate's ratings.xlsx (one RatingsTableLayout); figures only with ratings:figures.
        console.MapGet("/runs/{runId}/ratings.xlsx", async (string runId, HttpContext http, ConsoleSession session, ConsoleRuns runs, CancellationToken cancellationToken) =>
        {
            var (refusal, user, run) = await OpenAsync(runId, http, session, runs, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            var ratings = await runs.RatingsAsync(run!, cancellationToken).ConfigureAwait(false);
            var figures = user!.Caller.Has(Scopes.RatingsFigures);
            var layout = ConsoleRatingsTable.LayoutOf(run!, ratings);
            var buffer = new MemoryStream();
            using (var writer = new XlsxTableWriter(buffer, layout.Headers, layout.Kinds, "ratings", leaveOpen: true))
            {
                for (var i = 0; i < ratings.Count; i++)
                {
                    writer.WriteRow(layout.Fill(ConsoleRatingsTable.RowOf(ratings[i], i + 1), figures));
                }
            }

            buffer.Position = 0;
            return Results.File(buffer, XlsxContentType, string.Create(CultureInfo.InvariantCulture, $"ratings-{run!.Region}-{run.Year}.xlsx"));
        });
    }

    /// <summary>The checks of every download: a session, the page's scope, the run's region.</summary>
    private static async Task<(IResult? Refusal, ConsoleUser? User, RunInfo? Run)> OpenAsync(string runId, HttpContext http, ConsoleSession session, ConsoleRuns runs, CancellationToken cancellationToken) =>
        await OpenAsync(runId, ConsoleAccess.Downloads, http, session, runs, cancellationToken).ConfigureAwait(false);

    /// <summary>The checks of a download opened by <paramref name="page"/>'s rule.</summary>
    internal static async Task<(IResult? Refusal, ConsoleUser? User, RunInfo? Run)> OpenAsync(string runId, string page, HttpContext http, ConsoleSession session, ConsoleRuns runs, CancellationToken cancellationToken)
    {
        var user = await session.CurrentAsync(http).ConfigureAwait(false);
        if (user is null)
        {
            return (Results.LocalRedirect(ConsoleSetup.PathBase + "/sign-in"), null, null);
        }

        if (!ConsoleAccess.Allows(user.Caller, page))
        {
            return (Results.StatusCode(StatusCodes.Status403Forbidden), null, null);
        }

        try
        {
            var run = await runs.GetAsync(user.Caller, runId, cancellationToken).ConfigureAwait(false);
            return run is null ? (Results.NotFound(), null, null) : (null, user, run);
        }
        catch (RegionRefusedException)
        {
            return (Results.StatusCode(StatusCodes.Status403Forbidden), null, null);
        }
    }

    private static string?[] Row(StoredRating s, bool figures)
    {
        var r = s.Rating;
        return
        [
            s.CreditCode, s.Name, s.Region, s.Year.ToString(CultureInfo.InvariantCulture), s.Industry, s.Scale, s.Status.ToString(),
            r?.Pool, r?.Total.ToString("0.####", CultureInfo.InvariantCulture), r?.Rank.ToString(CultureInfo.InvariantCulture),
            r?.PoolSize.ToString(CultureInfo.InvariantCulture), r?.Percentile.ToString("0.####", CultureInfo.InvariantCulture),
            r?.Class.ToString(), r?.Override.ToString(), r?.GapToNextClass?.ToString("0.####", CultureInfo.InvariantCulture),
            figures ? s.LandMu.ToString(CultureInfo.InvariantCulture) : null,
            figures ? s.Figures?.TaxWan.ToString(CultureInfo.InvariantCulture) : null,
        ];
    }
}

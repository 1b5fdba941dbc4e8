using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MuScore.Ingest;
using MuScore.Server.Security;
using MuScore.Store;

namespace MuScore.Server.WebConsole;

/// <summary>
/// The run's files: ratings.csv (the identity, class and scores of every rated or excluded
/// enterprise; figures only with ratings:figures). Same checks as the run view.
/// </summary>
internal static class ConsoleDownloads
{
    private static readonly string[] Headers = ["credit_code", "name", "region", "year", "industry", "scale", "status", "pool", "total", "rank", "pool_size", "percentile", "class", "override", "gap_to_next_class", "land_mu", "tax_wan"];

    public static void Map(RouteGroupBuilder console) =>
        console.MapGet("/runs/{runId}/ratings.csv", async (string runId, HttpContext http, ConsoleSession session, ConsoleRuns runs, CancellationToken cancellationToken) =>
        {
            var user = await session.CurrentAsync(http).ConfigureAwait(false);
            if (user is null)
            {
                return Results.LocalRedirect(ConsoleSetup.PathBase + "/sign-in");
            }

            if (!ConsoleAccess.Allows(user.Caller, ConsoleAccess.Downloads))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            RunInfo? run;
            try
            {
                run = await runs.GetAsync(user.Caller, runId, cancellationToken).ConfigureAwait(false);
            }
            catch (RegionRefusedException)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            if (run is null)
            {
                return Results.NotFound();
            }

            var ratings = await runs.RatingsAsync(run, cancellationToken).ConfigureAwait(false);
            var figures = user.Caller.Has(Scopes.RatingsFigures);
            var buffer = new MemoryStream();
            using (var writer = new CsvTableWriter(buffer, Headers, leaveOpen: true))
            {
                foreach (var r in ratings)
                {
                    writer.WriteRow(Row(r, figures));
                }
            }

            buffer.Position = 0;
            return Results.File(buffer, "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"ratings-{run.Region}-{run.Year}.csv"));
        });

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

using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MuScore.Ingest;
using MuScore.Reports.Lists;

namespace MuScore.Server.WebConsole;

/// <summary>
/// A final publication's low-efficiency lists and region summary as files, CSV or .xlsx, with the
/// columns (audit columns included) of <c>muscore lists</c> and <c>muscore summary</c>: one
/// <see cref="ListsTable"/> / <see cref="SummaryTable"/>. Opened by ListLowEfficiency's or
/// SummarizeRegion's scope rule, the run's region, and only for the run in force (409 otherwise).
/// Without ratings:figures a list row keeps the list, the enterprise and a reason naming the scope,
/// as the API answers; the summary holds region aggregates only and is the same for everyone.
/// </summary>
internal static class ConsolePolicyDownloads
{
    public static void Map(RouteGroupBuilder console)
    {
        foreach (var xlsx in new[] { false, true })
        {
            var extension = xlsx ? "xlsx" : "csv";
            console.MapGet("/runs/{runId}/lists." + extension, async (string runId, HttpContext http, ConsoleSession session, ConsoleRuns runs, ConsolePolicyTables tables, CancellationToken cancellationToken) =>
            {
                var (refusal, user, run) = await ConsoleDownloads.OpenAsync(runId, ConsoleAccess.Lists, http, session, runs, cancellationToken).ConfigureAwait(false);
                if (refusal is not null)
                {
                    return refusal;
                }

                var lists = await tables.ListsAsync(user!.Caller, run!, cancellationToken).ConfigureAwait(false);
                return lists.Header is null
                    ? Results.Problem(lists.Problem, statusCode: StatusCodes.Status409Conflict)
                    : File(ListsTable.Columns, ListsTable.Rows(lists.Header, lists.Entries), xlsx, $"lists-{run!.Region}-{run.Year}");
            });

            console.MapGet("/runs/{runId}/summary." + extension, async (string runId, HttpContext http, ConsoleSession session, ConsoleRuns runs, ConsolePolicyTables tables, CancellationToken cancellationToken) =>
            {
                var (refusal, _, run) = await ConsoleDownloads.OpenAsync(runId, ConsoleAccess.Summary, http, session, runs, cancellationToken).ConfigureAwait(false);
                if (refusal is not null)
                {
                    return refusal;
                }

                var summary = await tables.SummaryAsync(run!, cancellationToken).ConfigureAwait(false);
                return summary.Summary is null
                    ? Results.Problem(summary.Problem, statusCode: StatusCodes.Status409Conflict)
                    : File(SummaryTable.Columns, SummaryTable.Rows(summary.Summary), xlsx, $"summary-{run!.Region}-{run.Year}");
            });
        }
    }

    /// <summary>The table as muscore lists / summary write it: CSV (UTF-8 with BOM) or one .xlsx sheet.</summary>
    private static IResult File(ReportColumns columns, IEnumerable<string?[]> rows, bool xlsx, string name)
    {
        var buffer = new MemoryStream();
        if (xlsx)
        {
            using var writer = new XlsxTableWriter(buffer, columns.Headers, columns.Kinds, columns.SheetName, leaveOpen: true);
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
        }
        else
        {
            using var writer = new CsvTableWriter(buffer, columns.Headers, columns.Kinds, leaveOpen: true);
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
        }

        buffer.Position = 0;
        return xlsx
            ? Results.File(buffer, ConsoleDownloads.XlsxContentType, name + ".xlsx")
            : Results.File(buffer, "text/csv; charset=utf-8", name + ".csv");
    }
}

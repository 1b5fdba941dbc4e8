using System.Globalization;
using System.Text;
using MuScore.Cli.Output;
using MuScore.Contracts.V1;
using Spectre.Console;

namespace MuScore.Cli.Publishing;

/// <summary>
/// The run summary <c>muscore publish</c> prints: run id, scheme, counts, pools by class, the first
/// rejected rows with every reason (server rejections and rows kept back, in row order), and the
/// publication.
/// </summary>
internal static class PublishSummary
{
    private const string DuplicateRule = "duplicate_credit_code";

    /// <param name="upload">The run and the file row of each sent record.</param>
    /// <param name="keptBack">Rows the client did not send, with their reasons.</param>
    /// <param name="rowsRead">Data rows in the file.</param>
    /// <param name="publication">The publication, or null with --no-publish.</param>
    /// <param name="newVersion">Whether publishing minted the version (false when the run already was the newest).</param>
    /// <param name="shown">Rejected rows to list.</param>
    /// <param name="width">The console width the pool table is laid out for.</param>
    public static string Format(UploadResult upload, IReadOnlyList<RejectedRow> keptBack, int rowsRead, Publication? publication, bool newVersion, int shown, int width = CliConsole.PlainWidth)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(keptBack);
        var run = upload.Run;
        var text = new StringBuilder();
        Line(text, "run", run.RunId);
        Line(text, "region", Invariant($"{run.Region}, year {run.Year}"));
        Line(text, "scheme", $"{run.SchemeId} {run.SchemeVersion} (sha256 {run.SchemeHash})");
        Line(text, "records", Invariant($"{rowsRead:N0} rows read, {run.RecordCount:N0} sent: {run.RatedCount:N0} rated, {run.ExcludedCount:N0} excluded, {run.RejectedCount:N0} rejected by the server"));
        if (keptBack.Count > 0)
        {
            Line(text, "kept back", Invariant($"{keptBack.Count:N0} row{(keptBack.Count == 1 ? string.Empty : "s")} not sent, marked (not sent) below"));
        }

        Pools(text, run, width);
        Rejected(text, Merge(upload, keptBack), shown);
        text.Append('\n');
        if (publication is null)
        {
            Line(text, "state", "draft, not published (--no-publish)");
        }
        else
        {
            var again = newVersion ? string.Empty : " (already the newest version: nothing new was published)";
            Line(text, "published", Invariant($"region {publication.Region}, year {publication.Year}, version {publication.Version}, at {Time(publication)}{again}"));
        }

        return text.ToString();
    }

    private static void Pools(StringBuilder text, Run run, int width)
    {
        if (run.Pools.Count == 0)
        {
            text.Append("\nno enterprise was rated: no pool\n");
            return;
        }

        text.Append('\n').Append(TextTable.Render(PoolTable(run), width));
    }

    /// <summary>
    /// Pools by class. Spectre measures Chinese pool names as two cells a character and sizes each
    /// column to its widest count, so counts past 100,000 no longer run together.
    /// </summary>
    public static Table PoolTable(Run run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = TextTable.Create("pool", "size>", "A>", "B>", "C>", "D>");
        foreach (var pool in run.Pools)
        {
            TextTable.AddRow(table, pool.Pool, Count(pool.Size), Count(pool.A), Count(pool.B), Count(pool.C), Count(pool.D));
        }

        return table;
    }

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static void Rejected(StringBuilder text, List<RejectedRow> rows, int shown)
    {
        if (rows.Count == 0)
        {
            text.Append("\nrejected: none\n");
            return;
        }

        var listed = Math.Min(shown, rows.Count);
        text.Append(Invariant($"\nrejected: {rows.Count:N0} rows"));
        text.Append(listed == 0 ? " (--show-rejected N lists them)\n" : listed < rows.Count ? Invariant($", the first {listed:N0}:\n") : ":\n");
        foreach (var row in rows.Take(listed))
        {
            var where = row.RecordNumber is { } record ? Invariant($"row {row.RowNumber} (record {record})") : Invariant($"row {row.RowNumber} (not sent)");
            var code = row.CreditCode.Length > 0 ? row.CreditCode : "(no credit code)";
            text.Append("  ").Append(where).Append(' ').Append(code).Append('\n');
            foreach (var violation in row.Violations)
            {
                var field = violation.Field.Length > 0 ? violation.Field : "(row)";
                text.Append("    ").Append(field).Append(": ").Append(violation.Rule).Append(": ").Append(violation.Description).Append('\n');
            }
        }

        if (listed > 0 && listed < rows.Count)
        {
            text.Append(Invariant($"  … and {rows.Count - listed:N0} more (--show-rejected N lists more)\n"));
        }
    }

    private static List<RejectedRow> Merge(UploadResult upload, IReadOnlyList<RejectedRow> keptBack)
    {
        var rows = new List<RejectedRow>(upload.Run.Rejected.Count + keptBack.Count);
        foreach (var record in upload.Run.Rejected)
        {
            var index = record.RecordNumber - 1;
            var row = index >= 0 && index < upload.RowNumbers.Count ? upload.RowNumbers[index] : 0;
            var violations = record.Violations.Select(v => new RowViolation(v.Field, v.Rule, Describe(v, upload.RowNumbers))).ToList();
            rows.Add(new RejectedRow(row, record.RecordNumber, record.CreditCode, violations));
        }

        rows.AddRange(keptBack);
        return [.. rows.OrderBy(r => r.RowNumber).ThenBy(r => r.RecordNumber ?? 0)];
    }

    private static string Describe(RecordViolation violation, IReadOnlyList<int> rowNumbers) =>
        violation.Rule == DuplicateRule ? StreamRowText.ToFileRows(violation.Description, rowNumbers) : violation.Description;

    private static void Line(StringBuilder text, string label, string value) =>
        text.Append(label.PadRight(11)).Append(value).Append('\n');

    private static string Time(Publication publication) =>
        publication.PublishedAt is { } at
            ? at.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : "(no time)";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Core.Records;
using MuScore.Ingest;

namespace MuScore.Server.WebConsole;

/// <summary>One rejected file row as the upload page lists it: row, column (field), rule and message.</summary>
internal sealed record UploadRejection(int Row, string Column, string Rule, string Message);

/// <summary>What an upload made: the draft run (null when the server refused the call) and every rejected row.</summary>
internal sealed record UploadOutcome(Run? Run, IReadOnlyList<UploadRejection> Rejected, string? Refusal);

/// <summary>
/// A year's CSV or xlsx, read with the CLI's table reader and sent through SubmitRun as the
/// signed-in person, so the server validates, rates and stores it exactly as for
/// <c>muscore publish</c>. Rows the wire cannot carry faithfully (cells right of the last header
/// column) are kept back and listed with their problems, as the CLI does, and so are the rows
/// sharing their credit code and region (the duplicate rule makes all of them invalid).
/// </summary>
internal sealed class ConsoleUpload(ConsoleApi api)
{
    private const int BatchSize = 2000;

    public async Task<UploadOutcome> SubmitAsync(ConsoleUser user, byte[] file, string fileName, RunHeader header, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(header);

        // First pass: the rows that cannot be sent, and their keys.
        var keptBack = new Dictionary<int, UploadRejection>();
        var keys = new HashSet<(string, string)>();
        using (var table = TableReader.Open(new MemoryStream(file, writable: false), fileName))
        {
            foreach (var row in table.ReadRows())
            {
                if (row.TableProblems.Count > 0)
                {
                    var problem = row.TableProblems[0];
                    keptBack[row.RowNumber] = new UploadRejection(row.RowNumber, problem.Field is { } f ? FieldCatalog.NameOf(f) : string.Empty, problem.Rule.Code(), problem.Message);
                    keys.Add(Key(row));
                }
            }
        }

        var rowNumbers = new List<int>();
        var rejected = new List<UploadRejection>(keptBack.Values);
        using var call = api.Evaluation.SubmitRun(ConsoleApi.As(user, cancellationToken));
        try
        {
            await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = header }, cancellationToken).ConfigureAwait(false);
            using var table = TableReader.Open(new MemoryStream(file, writable: false), fileName);
            var batch = new RecordBatch();
            foreach (var row in table.ReadRows())
            {
                if (keptBack.ContainsKey(row.RowNumber))
                {
                    continue;
                }

                if (keys.Count > 0 && keys.Contains(Key(row)))
                {
                    rejected.Add(new UploadRejection(row.RowNumber, FieldCatalog.NameOf(Field.CreditCode), ProblemRule.DuplicateCreditCode.Code(), "kept back: another row of this credit code and region cannot be sent"));
                    continue;
                }

                rowNumbers.Add(row.RowNumber);
                batch.Records.Add(EnterpriseRecordFields.FromCells(field => row.Cell(field) is { IsEmpty: false } cell ? cell.ToString() : string.Empty));
                if (batch.Records.Count >= BatchSize)
                {
                    await call.RequestStream.WriteAsync(new SubmitRunRequest { Batch = batch }, cancellationToken).ConfigureAwait(false);
                    batch = new RecordBatch();
                }
            }

            if (batch.Records.Count > 0)
            {
                await call.RequestStream.WriteAsync(new SubmitRunRequest { Batch = batch }, cancellationToken).ConfigureAwait(false);
            }

            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (RpcException)
        {
            // The server ended the call early (a bad header, a limit); its status comes with the response.
        }
        catch (InvalidOperationException)
        {
            // Writing after the server ended the call; as above.
        }

        SubmitRunResponse response;
        try
        {
            response = await call.ResponseAsync.ConfigureAwait(false);
        }
        catch (RpcException refused)
        {
            return new UploadOutcome(null, Ordered(rejected), ConsoleErrors.Describe(refused));
        }

        foreach (var record in response.Run.Rejected)
        {
            var row = record.RecordNumber >= 1 && record.RecordNumber <= rowNumbers.Count ? rowNumbers[record.RecordNumber - 1] : record.RecordNumber;
            foreach (var violation in record.Violations)
            {
                rejected.Add(new UploadRejection(row, violation.Field, violation.Rule, violation.Description));
            }
        }

        return new UploadOutcome(response.Run, Ordered(rejected), null);
    }

    private static (string, string) Key(ITableRow row) =>
        (row.Cell(Field.CreditCode).Trim().ToString(), row.Cell(Field.Region).Trim().ToString());

    private static List<UploadRejection> Ordered(List<UploadRejection> rows) => [.. rows.OrderBy(r => r.Row).ThenBy(r => r.Column, StringComparer.Ordinal)];

    /// <summary>The row number as text, for the page.</summary>
    public static string Text(int row) => row.ToString(CultureInfo.InvariantCulture);
}

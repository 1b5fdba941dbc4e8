using System.Globalization;
using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Core.Hashing;
using MuScore.Core.Records;
using MuScore.Core.Schemes;
using MuScore.Server.Mapping;
using MuScore.Server.Validation;
using ProtoRecord = MuScore.Contracts.V1.EnterpriseRecord;

namespace MuScore.Server.Evaluation;

/// <summary>A SubmitRun stream read whole: its header, the scheme, every record validated, and the input hash.</summary>
internal sealed record RunIntake(string Region, int Year, Scheme Scheme, IReadOnlyList<ParsedRow> Rows, string InputHash)
{
    /// <summary>
    /// Reads the stream: the header first (INVALID_ARGUMENT when it is missing or bad), then
    /// records one at a time or in batches, each validated and hashed as it arrives. Stops with
    /// INVALID_ARGUMENT at the first record past <paramref name="maxRecords"/>, or when no
    /// record came at all.
    /// </summary>
    public static async Task<RunIntake> ReadAsync(IAsyncStreamReader<SubmitRunRequest> stream, int maxRecords, CancellationToken cancellationToken)
    {
        if (!await stream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            throw Violations.One("header", FieldRules.Required, "the stream is empty: the first message must be the run header");
        }

        if (stream.Current.ItemCase != SubmitRunRequest.ItemOneofCase.Header)
        {
            throw Violations.One("header", FieldRules.Required, "the first message must be the run header (region, year, scheme), before any record");
        }

        var header = stream.Current.Header;
        var violations = new Violations();
        EvaluationRequests.ValidateHeader(violations, header);
        var scheme = SchemeResolver.Resolve(header, violations);
        violations.ThrowIfAny();

        var parser = new RecordParser();
        using var hasher = new InputHasher();
        var rows = new List<ParsedRow>();
        for (var message = 2; await stream.MoveNext(cancellationToken).ConfigureAwait(false); message++)
        {
            var item = stream.Current;
            switch (item.ItemCase)
            {
                case SubmitRunRequest.ItemOneofCase.Record:
                    Add(item.Record);
                    break;
                case SubmitRunRequest.ItemOneofCase.Batch:
                    foreach (var record in item.Batch.Records)
                    {
                        Add(record);
                    }

                    break;
                case SubmitRunRequest.ItemOneofCase.Header:
                    throw Violations.One("header", "header_repeated", Text($"message {message} repeats the header; only the first message may be a header"));
                default:
                    throw Violations.One("item", FieldRules.Required, Text($"message {message} holds neither a record nor a batch"));
            }
        }

        if (rows.Count == 0)
        {
            throw Violations.One("record", FieldRules.Required, "no records were sent after the header");
        }

        // A null scheme always came with a violation, thrown above.
        return new RunIntake(header.Region, header.Year, scheme!, rows, hasher.Finish());

        void Add(ProtoRecord record)
        {
            if (rows.Count == maxRecords)
            {
                throw Violations.One("record", FieldRules.TooMany, Text($"more than {maxRecords} records; a run holds at most {maxRecords}"));
            }

            var row = new ProtoRecordRow(record, rows.Count + 1);
            hasher.Append(row);
            rows.Add(parser.Parse(row));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

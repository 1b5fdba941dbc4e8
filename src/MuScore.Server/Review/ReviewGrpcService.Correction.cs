using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Core.Rating;
using MuScore.Server.Errors;
using MuScore.Server.Evaluation;
using MuScore.Server.Mapping;
using MuScore.Server.Security;
using MuScore.Server.Validation;
using MuScore.Store;
using MuScore.Store.Review;
using ProtoRecord = MuScore.Contracts.V1.EnterpriseRecord;

namespace MuScore.Server.Review;

/// <summary>Corrections: the base draft's records with corrected ones in place, re-rated whole with the same scheme.</summary>
internal sealed partial class ReviewGrpcService
{
    public override async Task<CorrectRunResponse> CorrectRun(CorrectRunRequest request, ServerCallContext context)
    {
        ReviewRequests.Validate(request);
        var cancellationToken = context.CancellationToken;
        var caller = CallerAccess.Current(context);
        var baseRun = await store.GetRunAsync(request.BaseRunId, cancellationToken).ConfigureAwait(false) ?? throw RpcErrors.RunNotFound(request.BaseRunId);
        RegionGuard.Check(context, "base_run_id", baseRun.Region);
        CheckRecords(request, baseRun.Region);
        var notice = await review.GetNoticeAsync(baseRun.Region, baseRun.Year, cancellationToken).ConfigureAwait(false)
            ?? throw ReviewErrors.NoNotice(baseRun.Region, baseRun.Year);
        var line = await review.ListDraftsAsync(notice.Region, notice.Year, cancellationToken).ConfigureAwait(false);
        if (!line.Any(d => d.RunId == baseRun.RunId))
        {
            throw ReviewErrors.Precondition("NOT_IN_REVIEW", "the base run is neither the run on notice nor a correction of it", baseRun.Region, baseRun.Year);
        }

        var inputs = await review.GetInputsAsync(baseRun.RunId, cancellationToken).ConfigureAwait(false)
            ?? throw ReviewErrors.Precondition("INPUTS_NOT_KEPT", $"the records of run {EchoText.Bound(baseRun.RunId)} were not kept (they are kept when {Options.ReviewOptions.RequiredKey} is set at submission); submit the corrected year as a new run instead", baseRun.Region, baseRun.Year);
        var header = RunHeader.Parser.ParseFrom(inputs.Header);
        var baseRecords = RecordBatch.Parser.ParseFrom(inputs.Records).Records;
        var merged = Merge(baseRecords, request.Records);

        var now = time.GetUtcNow();
        var history = await store.LoadHistoryAsync(baseRun.Region, baseRun.Year, cancellationToken).ConfigureAwait(false);
        var draft = RunDrafting.Draft(RunIntake.FromRecords(header, merged, caller), history, now, caller.Id);
        var stored = await store.SaveDraftAsync(draft, cancellationToken).ConfigureAwait(false);
        var kept = new RecordBatch();
        kept.Records.AddRange(merged);
        await review.SaveInputsAsync(new RunInputs(stored.RunId, inputs.Header, Google.Protobuf.MessageExtensions.ToByteArray(kept)), cancellationToken).ConfigureAwait(false);

        var result = await review.AddCorrectionAsync(new ReviewDraft(baseRun.Region, baseRun.Year, 0, stored.RunId, baseRun.RunId, caller.Id, now, request.Reason), cancellationToken).ConfigureAwait(false);
        var version = result.Outcome switch
        {
            ReviewOutcome.Done or ReviewOutcome.AlreadyDone => result.Value!,
            ReviewOutcome.NoNotice => throw ReviewErrors.NoNotice(baseRun.Region, baseRun.Year),
            _ => throw ReviewErrors.Precondition("NOT_IN_REVIEW", "the base run is neither the run on notice nor a correction of it", baseRun.Region, baseRun.Year),
        };

        var before = await ListAsync(DraftOf(baseRun.Region, baseRun.Year, baseRun.RunId, baseRun.CreatedAt), cancellationToken).ConfigureAwait(false);
        var response = new CorrectRunResponse
        {
            Run = RunMapper.ToProto(await store.GetRunAsync(stored.RunId, cancellationToken).ConfigureAwait(false) ?? stored),
            Draft = ReviewMapper.ToProto(version),
        };
        response.Changes.AddRange(RatingChanges.Between(before, baseRun.Rejected, draft.Ratings, draft.Rejected, baseRecords, request.Records));
        return response;
    }

    /// <summary>Every corrected record names an enterprise of the base run's region.</summary>
    private static void CheckRecords(CorrectRunRequest request, string region)
    {
        var violations = new Violations();
        for (var i = 0; i < request.Records.Count; i++)
        {
            var record = request.Records[i];
            if (record.CreditCode.Trim().Length == 0)
            {
                violations.Add($"records[{i}].credit_code", FieldRules.Required, "a corrected record names the enterprise it corrects by credit code");
            }

            if (record.Region.Trim() != region)
            {
                violations.Add($"records[{i}].region", DraftRunBuilder.OtherRegionRule, $"'{EchoText.Bound(record.Region)}' is not the base run's region {region}");
            }
        }

        violations.ThrowIfAny();
    }

    /// <summary>The base records in their order, each corrected one in the place of the record with its code; new codes appended in request order.</summary>
    private static List<ProtoRecord> Merge(Google.Protobuf.Collections.RepeatedField<ProtoRecord> baseRecords, Google.Protobuf.Collections.RepeatedField<ProtoRecord> corrected)
    {
        var byCode = corrected.ToDictionary(r => r.CreditCode.Trim(), StringComparer.Ordinal);
        var merged = new List<ProtoRecord>(baseRecords.Count + corrected.Count);
        var replaced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in baseRecords)
        {
            var code = record.CreditCode.Trim();
            if (byCode.TryGetValue(code, out var correction) && replaced.Add(code))
            {
                merged.Add(correction);
            }
            else if (!byCode.ContainsKey(code))
            {
                merged.Add(record);
            }
        }

        merged.AddRange(corrected.Where(r => !replaced.Contains(r.CreditCode.Trim())));
        return merged;
    }
}

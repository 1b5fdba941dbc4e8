using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MuScore.Contracts.V1;
using MuScore.Server.Auditing;
using MuScore.Server.Diagnostics;
using MuScore.Server.Errors;
using MuScore.Server.Evaluation;
using MuScore.Server.Mapping;
using MuScore.Server.Options;
using MuScore.Server.Reading;
using MuScore.Server.Security;
using MuScore.Server.Telemetry;
using MuScore.Server.Validation;
using MuScore.Server.Wire;
using Google.Protobuf;
using MuScore.Store;
using MuScore.Store.Review;

namespace MuScore.Server.Services;

/// <summary>The rating office's side: upload a year's records as a draft run, inspect it, publish it.</summary>
[BindServiceMethod(typeof(CheckedBinding.Evaluation), nameof(CheckedBinding.Evaluation.BindService))]
internal sealed class EvaluationGrpcService(
    IRatingStore store,
    IPublishedRatings published,
    TimeProvider time,
    IOptions<LimitsOptions> limits,
    IOptions<AuthOptions> auth,
    IOptions<ReviewOptions> review,
    IReviewStore reviewStore,
    RefusalRecorder refusals,
    UploadGate uploads,
    UploadMemory memory,
    ServerMetrics metrics,
    ILogger<EvaluationGrpcService> logger) : EvaluationService.EvaluationServiceBase
{
    public override async Task<SubmitRunResponse> SubmitRun(IAsyncStreamReader<SubmitRunRequest> requestStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        var caller = CallerAccess.Current(context);
        using var upload = uploads.Enter(caller.Id);
        memory.ReturnWhenOver(context);
        var steps = new UploadSteps();
        var kept = review.Value.Required ? new RecordBatch() : null;
        var intake = await RunIntake.ReadAsync(requestStream, limits.Value, caller, cancellationToken, kept).ConfigureAwait(false);
        steps.Done("read and validate");
        metrics.Uploaded(intake.Bytes, intake.RecordCount);
        var history = await store.LoadHistoryAsync(intake.Region, intake.Year, cancellationToken).ConfigureAwait(false);
        steps.Done("history");
        var draft = RunDrafting.Draft(intake, history, time.GetUtcNow(), caller.Id, steps);
        var stored = await store.SaveDraftAsync(draft, cancellationToken).ConfigureAwait(false);
        steps.Done("store");
        if (kept is not null)
        {
            // Kept for a correction (ReviewService.CorrectRun re-rates the run with some records replaced).
            await reviewStore.SaveInputsAsync(new RunInputs(stored.RunId, intake.Header.ToByteArray(), kept.ToByteArray()), cancellationToken).ConfigureAwait(false);
        }

        Log.RunStored(logger, LogValues.Cut(stored.RunId), LogValues.Cut(stored.Region), stored.Year, stored.RecordCount, stored.RejectedCount);
        Log.UploadTiming(logger, stored.RecordCount, steps);
        var answer = RunMapper.ToProto(stored);
        if (intake.TableRowOffset is { } offset)
        {
            // The rows of the file this call sent (a stored run of the same rows has the same records).
            foreach (var rejected in answer.Rejected)
            {
                rejected.Row = rejected.RecordNumber + offset;
            }
        }

        return new SubmitRunResponse { Run = answer };
    }

    public override async Task<Run> GetRun(GetRunRequest request, ServerCallContext context)
    {
        EvaluationRequests.Validate(request);
        var run = await store.GetRunAsync(request.RunId, context.CancellationToken).ConfigureAwait(false)
            ?? throw RpcErrors.RunNotFound(request.RunId);
        RegionGuard.Check(context, "run_id", run.Region);
        return RunMapper.ToProto(run);
    }

    public override async Task<ListRunsResponse> ListRuns(ListRunsRequest request, ServerCallContext context)
    {
        EvaluationRequests.Validate(request);
        var caller = CallerAccess.Current(context);
        if (request.Region.Length > 0)
        {
            RegionGuard.Check(context, "region", request.Region);
        }

        // Without a region the listing is narrowed to the caller's own regions, not refused.
        var query = FilterMapper.ToQuery(request, EvaluationRequests.DefaultPageSize) with { RegionPrefixes = caller.AllRegions ? null : caller.Regions };
        RunPage page;
        try
        {
            page = await store.ListRunsAsync(query, context.CancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException) when (query.PageToken is not null)
        {
            // The store reads its own tokens and rejects foreign ones; everything else was validated above.
            throw Violations.One("page_token", FieldRules.Format, "the page token was not issued by ListRuns; pass next_page_token unchanged");
        }

        var response = new ListRunsResponse { NextPageToken = page.NextPageToken ?? string.Empty };
        response.Runs.AddRange(page.Runs.Select(RunMapper.ToProto));
        return response;
    }

    public override async Task<PublishRunResponse> PublishRun(PublishRunRequest request, ServerCallContext context)
    {
        EvaluationRequests.Validate(request);
        var caller = CallerAccess.Current(context);
        var cancellationToken = context.CancellationToken;

        // The light lookup: a million-record run's rejected records are not read to check who may publish it.
        var run = await store.GetRunHeaderAsync(request.RunId, cancellationToken).ConfigureAwait(false)
            ?? throw RpcErrors.RunNotFound(request.RunId);
        RegionGuard.Check(context, "run_id", run.Region);

        // Where the review is required, only ReviewService.FinalizeRun publishes (docs/review.md).
        if (review.Value.Required)
        {
            throw ReviewErrors.Precondition("REVIEW_REQUIRED", $"{ReviewOptions.RequiredKey} is set: a run is published by ReviewService.FinalizeRun after its public notice, not by PublishRun", run.Region, run.Year);
        }

        // Four eyes: the anonymous caller of an unsecured loopback server is one person by definition.
        if (caller.Kind != CallerKind.Anonymous && !auth.Value.AllowSelfPublish && string.Equals(run.SubmittedBy, caller.Id, StringComparison.Ordinal))
        {
            throw RpcErrors.SelfPublish(caller.Id, run.RunId, run.Region);
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason;

        // Timed from the store's transaction through cache invalidation: what a publisher waits for.
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var result = await store.PublishAsync(new PublishRequest(run.RunId, time.GetUtcNow(), caller.Id, reason), cancellationToken).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case PublishOutcome.RunNotFound:
                    outcome = "refused";
                    throw RpcErrors.RunNotFound(request.RunId);
                case PublishOutcome.RollbackNeedsReason:
                    outcome = "refused";
                    var refused = Violations.One("reason", FieldRules.Required, "the run is older than the one in force: publishing it is a rollback and needs a reason");
                    await refusals.RecordAsync(context, caller, refused, new RefusedSubject(run.Region, run.Year, run.RunId)).ConfigureAwait(false);
                    throw refused;
            }

            var publication = result.Publication!;
            if (result.Outcome == PublishOutcome.Published)
            {
                Log.RunPublished(logger, LogValues.Cut(publication.RunId), publication.Version, LogValues.Cut(publication.Region), publication.Year);

                // The publication has committed: dropping stale cached ratings must not be abandoned with the call.
                await published.PublishedAsync(publication.Region, publication.Year, CancellationToken.None).ConfigureAwait(false);
            }

            outcome = result.Outcome == PublishOutcome.Published ? "published" : "unchanged";
            return new PublishRunResponse { Publication = RunMapper.ToProto(publication) };
        }
        finally
        {
            metrics.Published(Stopwatch.GetElapsedTime(started), outcome, string.Equals(outcome, "published", StringComparison.Ordinal) ? run.RatedCount : 0);
        }
    }
}

using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MuScore.Contracts.V1;
using MuScore.Server.Diagnostics;
using MuScore.Server.Errors;
using MuScore.Server.Evaluation;
using MuScore.Server.Mapping;
using MuScore.Server.Options;
using MuScore.Server.Reading;
using MuScore.Server.Security;
using MuScore.Server.Validation;
using MuScore.Server.Wire;
using MuScore.Store;

namespace MuScore.Server.Services;

/// <summary>The rating office's side: upload a year's records as a draft run, inspect it, publish it.</summary>
[BindServiceMethod(typeof(CheckedBinding), nameof(CheckedBinding.BindEvaluationService))]
internal sealed class EvaluationGrpcService(
    IRatingStore store,
    IPublishedRatings published,
    TimeProvider time,
    IOptions<LimitsOptions> limits,
    UploadGate uploads,
    UploadMemory memory,
    ILogger<EvaluationGrpcService> logger) : EvaluationService.EvaluationServiceBase
{
    public override async Task<SubmitRunResponse> SubmitRun(IAsyncStreamReader<SubmitRunRequest> requestStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        using var upload = uploads.Enter(CallerAccess.Current(context).Id);
        memory.ReturnWhenOver(context);
        var intake = await RunIntake.ReadAsync(requestStream, limits.Value, cancellationToken).ConfigureAwait(false);
        var history = await store.LoadHistoryAsync(intake.Region, intake.Year, cancellationToken).ConfigureAwait(false);
        var draft = RunDrafting.Draft(intake, history, time.GetUtcNow());
        UploadMemory.Compact(intake.RecordCount);
        var stored = await store.SaveDraftAsync(draft, cancellationToken).ConfigureAwait(false);
        Log.RunStored(logger, stored.RunId, stored.Region, stored.Year, stored.RecordCount, stored.RejectedCount);
        return new SubmitRunResponse { Run = RunMapper.ToProto(stored) };
    }

    public override async Task<Run> GetRun(GetRunRequest request, ServerCallContext context)
    {
        EvaluationRequests.Validate(request);
        var run = await store.GetRunAsync(request.RunId, context.CancellationToken).ConfigureAwait(false)
            ?? throw RpcErrors.RunNotFound(request.RunId);
        return RunMapper.ToProto(run);
    }

    public override async Task<ListRunsResponse> ListRuns(ListRunsRequest request, ServerCallContext context)
    {
        EvaluationRequests.Validate(request);
        var query = FilterMapper.ToQuery(request, EvaluationRequests.DefaultPageSize);
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
        var publication = await store.PublishAsync(request.RunId, time.GetUtcNow(), context.CancellationToken).ConfigureAwait(false)
            ?? throw RpcErrors.RunNotFound(request.RunId);
        Log.RunPublished(logger, publication.RunId, publication.Version, publication.Region, publication.Year);

        // The publication has committed: dropping stale cached ratings must not be abandoned with the call.
        await published.PublishedAsync(publication.Region, publication.Year, CancellationToken.None).ConfigureAwait(false);
        return new PublishRunResponse { Publication = RunMapper.ToProto(publication) };
    }
}

using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Server.Errors;
using MuScore.Server.Mapping;
using MuScore.Server.Security;
using MuScore.Server.Validation;
using Adjustment = MuScore.Store.Review.Adjustment;
using Objection = MuScore.Store.Review.Objection;
using ObjectionAttachment = MuScore.Store.Review.ObjectionAttachment;
using ReviewOutcome = MuScore.Store.Review.ReviewOutcome;
using StoreDecision = MuScore.Store.Review.ObjectionDecision;

namespace MuScore.Server.Review;

/// <summary>Objections and adjustments.</summary>
internal sealed partial class ReviewGrpcService
{
    public override async Task<Contracts.V1.Objection> FileObjection(FileObjectionRequest request, ServerCallContext context)
    {
        ReviewRequests.Validate(request);
        RegionGuard.Check(context, "region", request.Region);
        var caller = CallerAccess.Current(context);

        var cancellationToken = context.CancellationToken;
        var notice = await review.GetNoticeAsync(request.Region, request.Year, cancellationToken).ConfigureAwait(false);
        var today = calendar.Today;
        if (notice is null || notice.FinalVersion is not null || today < notice.StartDate || today > notice.EndDate)
        {
            var when = notice is null ? "has no notice" : notice.FinalVersion is not null ? "is final" : $"is on notice from {ReviewMapper.Date(notice.StartDate)} to {ReviewMapper.Date(notice.EndDate)}, not today ({ReviewMapper.Date(today)})";
            throw ReviewErrors.Precondition("NOT_ON_NOTICE", $"objections are filed only while on notice; region {request.Region} year {request.Year} {when}", request.Region, request.Year);
        }

        // Whether a notice is open is public (GetNotice); after that, an enterprise's own identity files for itself; the office (review:manage) records paper objections for anyone.
        if (!caller.Has(Scopes.ReviewManage) && !string.Equals(caller.Id, request.CreditCode, StringComparison.Ordinal))
        {
            throw ReviewErrors.OwnEnterpriseOnly(caller.Id, request.CreditCode);
        }

        var runId = await NewestDraftAsync(notice, cancellationToken).ConfigureAwait(false);
        var found = await store.GetRatingsAsync(DraftOf(notice, runId), [request.CreditCode], cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            throw ReviewErrors.EnterpriseNotInDraft(request.CreditCode, request.Region, request.Year);
        }

        var objection = new Objection(
            NewId("obj-"),
            request.Region,
            request.Year,
            request.CreditCode,
            runId,
            request.FiledBy,
            caller.Id,
            time.GetUtcNow(),
            request.Text,
            [.. request.Attachments.Select(a => new ObjectionAttachment(a.Name, a.Sha256, a.SizeBytes))]);
        var result = await review.FileObjectionAsync(objection, cancellationToken).ConfigureAwait(false);
        return result.Outcome == ReviewOutcome.Done
            ? ReviewMapper.ToProto(result.Value!)
            : throw ReviewErrors.NoNotice(request.Region, request.Year);
    }

    public override async Task<ListObjectionsResponse> ListObjections(ListObjectionsRequest request, ServerCallContext context)
    {
        ReviewRequests.Validate(request);
        RegionGuard.Check(context, "region", request.Region);
        var list = await review.ListObjectionsAsync(request.Region, request.Year, request.CreditCode.Length > 0 ? request.CreditCode : null, context.CancellationToken).ConfigureAwait(false);
        var response = new ListObjectionsResponse();
        response.Objections.AddRange(list.Select(ReviewMapper.ToProto));
        return response;
    }

    public override async Task<Contracts.V1.Objection> DecideObjection(DecideObjectionRequest request, ServerCallContext context)
    {
        ReviewRequests.Validate(request);
        var cancellationToken = context.CancellationToken;
        var caller = CallerAccess.Current(context);
        var objection = await review.GetObjectionAsync(request.ObjectionId, cancellationToken).ConfigureAwait(false)
            ?? throw ReviewErrors.ItemNotFound("objection", request.ObjectionId);
        RegionGuard.Check(context, "objection_id", objection.Region);
        var decision = request.Decision == Contracts.V1.ObjectionDecision.Upheld ? StoreDecision.Upheld : StoreDecision.Rejected;
        var result = await review.DecideObjectionAsync(objection.ObjectionId, decision, request.Reason, caller.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            ReviewOutcome.Done => ReviewMapper.ToProto(result.Value!),
            ReviewOutcome.AlreadyDone => throw ReviewErrors.Precondition("ALREADY_DECIDED", $"objection {objection.ObjectionId} was decided by '{EchoText.Bound(result.Value!.DecidedBy)}'; a decision is final", objection.Region, objection.Year),
            _ => throw ReviewErrors.ItemNotFound("objection", request.ObjectionId),
        };
    }

    public override async Task<Contracts.V1.Adjustment> ProposeAdjustment(ProposeAdjustmentRequest request, ServerCallContext context)
    {
        ReviewRequests.Validate(request);
        RegionGuard.Check(context, "region", request.Region);
        var cancellationToken = context.CancellationToken;
        var caller = CallerAccess.Current(context);
        var notice = await review.GetNoticeAsync(request.Region, request.Year, cancellationToken).ConfigureAwait(false)
            ?? throw ReviewErrors.NoNotice(request.Region, request.Year);
        var runId = await NewestDraftAsync(notice, cancellationToken).ConfigureAwait(false);
        var found = await store.GetRatingsAsync(DraftOf(notice, runId), [request.CreditCode], cancellationToken).ConfigureAwait(false);
        if (!found.TryGetValue(request.CreditCode, out var stored) || stored.Rating is null)
        {
            // Only a rated enterprise has a class to set; an excluded one is out of the rating's scope.
            throw ReviewErrors.EnterpriseNotInDraft(request.CreditCode, request.Region, request.Year);
        }

        var adjustment = new Adjustment(NewId("adj-"), request.Region, request.Year, request.CreditCode, RatingMapper.FromProto(request.RatingClass), request.Reason, caller.Id, time.GetUtcNow());
        var result = await review.ProposeAdjustmentAsync(adjustment, cancellationToken).ConfigureAwait(false);
        return ReviewMapper.ToProto(result.Value!);
    }

    public override async Task<Contracts.V1.Adjustment> ApproveAdjustment(ApproveAdjustmentRequest request, ServerCallContext context)
    {
        ReviewRequests.Validate(request);
        var cancellationToken = context.CancellationToken;
        var caller = CallerAccess.Current(context);
        var adjustment = await review.GetAdjustmentAsync(request.AdjustmentId, cancellationToken).ConfigureAwait(false)
            ?? throw ReviewErrors.ItemNotFound("adjustment", request.AdjustmentId);
        RegionGuard.Check(context, "adjustment_id", adjustment.Region);
        var result = await review.ApproveAdjustmentAsync(adjustment.AdjustmentId, caller.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            ReviewOutcome.Done => ReviewMapper.ToProto(result.Value!),
            ReviewOutcome.SameAsProposer => throw ReviewErrors.FourEyes(caller.Id, $"proposed adjustment {adjustment.AdjustmentId} and may not also approve it", adjustment.Region),
            ReviewOutcome.AlreadyDone => throw ReviewErrors.Precondition("ALREADY_APPROVED", $"adjustment {adjustment.AdjustmentId} was approved by '{EchoText.Bound(result.Value!.ApprovedBy)}'", adjustment.Region, adjustment.Year),
            _ => throw ReviewErrors.ItemNotFound("adjustment", request.AdjustmentId),
        };
    }

    public override async Task<ListAdjustmentsResponse> ListAdjustments(ListAdjustmentsRequest request, ServerCallContext context)
    {
        ReviewRequests.Validate(request.Region, request.Year);
        RegionGuard.Check(context, "region", request.Region);
        var list = await review.ListAdjustmentsAsync(request.Region, request.Year, context.CancellationToken).ConfigureAwait(false);
        var response = new ListAdjustmentsResponse();
        response.Adjustments.AddRange(list.Select(ReviewMapper.ToProto));
        return response;
    }
}

using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.Extensions.Options;
using MuScore.Contracts.V1;
using MuScore.Server.Errors;
using MuScore.Server.Mapping;
using MuScore.Server.Reading;
using MuScore.Server.Security;
using MuScore.Server.Validation;
using MuScore.Server.Wire;
using MuScore.Store;
using MuScore.Store.Review;
using Adjustment = MuScore.Store.Review.Adjustment;
using Notice = MuScore.Store.Review.Notice;
using Publication = MuScore.Store.Publication;

namespace MuScore.Server.Review;

/// <summary>
/// The annual review (docs/review.md): notice, objections, corrections, adjustments, finalize.
/// Every write is audited by the store in its own transaction; refusals of writes are audited by
/// the authorization interceptor.
/// </summary>
[BindServiceMethod(typeof(CheckedBinding.Review), nameof(CheckedBinding.Review.BindService))]
internal sealed partial class ReviewGrpcService(
    IRatingStore store,
    IReviewStore review,
    IPublishedRatings published,
    ReviewCalendar calendar,
    TimeProvider time,
    IOptions<AuthOptions> auth) : ReviewService.ReviewServiceBase
{
    private static readonly RatingFilter Everything = new([], [], []);

    public override async Task<Contracts.V1.Review> StartNotice(StartNoticeRequest request, ServerCallContext context)
    {
        ReviewRequests.Validate(request);
        var cancellationToken = context.CancellationToken;
        var caller = CallerAccess.Current(context);
        var run = await store.GetRunAsync(request.RunId, cancellationToken).ConfigureAwait(false) ?? throw RpcErrors.RunNotFound(request.RunId);
        RegionGuard.Check(context, "run_id", run.Region);
        var start = request.StartDate.Length > 0 ? ReviewRequests.ParseDate(request.StartDate)!.Value : calendar.Today;
        var days = request.WorkingDays == 0 ? Core.Review.WorkingDayCalendar.DefaultNoticeDays : request.WorkingDays;
        DateOnly end;
        try
        {
            end = calendar.Calendar.NoticeEnd(start, days);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw Violations.One("start_date", "calendar_year", $"the notice cannot be counted: {EchoText.Bound(e.Message.Split(Environment.NewLine)[0], 160)}; configure a calendar covering it (MuScore:Review:Calendar)");
        }

        var notice = new Notice(run.Region, run.Year, run.RunId, start, end, days, caller.Id, time.GetUtcNow());
        var result = await review.StartNoticeAsync(notice, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case ReviewOutcome.NotFound:
                throw RpcErrors.RunNotFound(request.RunId);
            case ReviewOutcome.NoticeExists:
                throw ReviewErrors.Precondition("NOTICE_EXISTS", $"region {run.Region} year {run.Year} already has a notice (run {result.Value!.RunId[..Math.Min(12, result.Value.RunId.Length)]}…); correct that draft with CorrectRun instead", run.Region, run.Year);
        }

        return await ReviewOfAsync(result.Value!, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<Contracts.V1.Review> GetReview(GetReviewRequest request, ServerCallContext context)
    {
        ReviewRequests.Validate(request.Region, request.Year);
        RegionGuard.Check(context, "region", request.Region);
        var notice = await review.GetNoticeAsync(request.Region, request.Year, context.CancellationToken).ConfigureAwait(false)
            ?? throw ReviewErrors.NoNotice(request.Region, request.Year);
        return await ReviewOfAsync(notice, context.CancellationToken).ConfigureAwait(false);
    }

    public override async Task<NoticeView> GetNotice(GetNoticeRequest request, ServerCallContext context)
    {
        ReviewRequests.Validate(request.Region, request.Year);
        RegionGuard.Check(context, "region", request.Region);
        var cancellationToken = context.CancellationToken;
        var notice = await review.GetNoticeAsync(request.Region, request.Year, cancellationToken).ConfigureAwait(false)
            ?? throw ReviewErrors.NoNotice(request.Region, request.Year);
        var runId = await NewestDraftAsync(notice, cancellationToken).ConfigureAwait(false);
        var inForce = AdjustedRun.InForce(await review.ListAdjustmentsAsync(notice.Region, notice.Year, cancellationToken).ConfigureAwait(false));
        var entries = new List<NoticeEntry>();
        await foreach (var stored in store.ListRatingsAsync(DraftOf(notice, runId), Everything, cancellationToken).ConfigureAwait(false))
        {
            // Classes only: no figures, scores or ranks leave the notice view.
            var shown = AdjustedRun.Apply(stored, inForce);
            entries.Add(new NoticeEntry
            {
                CreditCode = shown.CreditCode,
                Name = shown.Name ?? string.Empty,
                Pool = shown.Rating?.Pool ?? string.Empty,
                RatingClass = shown.Rating is { } r ? RatingMapper.ToProto(r.Class) : RatingClass.Unspecified,
                Adjusted = shown.Adjustment is not null,
            });
        }

        var view = new NoticeView
        {
            Region = notice.Region,
            Year = notice.Year,
            State = ReviewMapper.State(notice),
            NoticeStartDate = ReviewMapper.Date(notice.StartDate),
            NoticeEndDate = ReviewMapper.Date(notice.EndDate),
            RunId = runId,
        };

        // Pool, then class, then code; excluded enterprises (no pool) last.
        view.Entries.AddRange(entries
            .OrderBy(e => e.Pool.Length == 0)
            .ThenBy(e => e.Pool, StringComparer.Ordinal)
            .ThenBy(e => e.RatingClass)
            .ThenBy(e => e.CreditCode, StringComparer.Ordinal));
        return view;
    }

    public override async Task<FinalizeRunResponse> FinalizeRun(FinalizeRunRequest request, ServerCallContext context)
    {
        ReviewRequests.Validate(request);
        var cancellationToken = context.CancellationToken;
        var caller = CallerAccess.Current(context);
        var run = await store.GetRunAsync(request.RunId, cancellationToken).ConfigureAwait(false) ?? throw RpcErrors.RunNotFound(request.RunId);
        RegionGuard.Check(context, "run_id", run.Region);

        // Four eyes as PublishRun: the anonymous caller of an unsecured loopback server is one person by definition.
        if (caller.Kind != CallerKind.Anonymous && !auth.Value.AllowSelfPublish && string.Equals(run.SubmittedBy, caller.Id, StringComparison.Ordinal))
        {
            throw ReviewErrors.FourEyes(caller.Id, $"submitted run {EchoText.Bound(run.RunId)} and may not also finalize it", run.Region);
        }

        var now = time.GetUtcNow();
        var inForce = AdjustedRun.InForce(await review.ListAdjustmentsAsync(run.Region, run.Year, cancellationToken).ConfigureAwait(false));
        var publishRunId = run.RunId;
        if (inForce.Count > 0)
        {
            // The adjusted copy is stored first, as an immutable run nobody reads until the finalize below publishes it.
            var ratings = await ListAsync(DraftOf(run.Region, run.Year, run.RunId, run.CreatedAt), cancellationToken).ConfigureAwait(false);
            if (AdjustedRun.Build(run, ratings, inForce, now, caller.Id) is { } adjusted)
            {
                publishRunId = (await store.SaveDraftAsync(adjusted, cancellationToken).ConfigureAwait(false)).RunId;
            }
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason;
        var result = await review.FinalizeAsync(new FinalizeRequest(run.Region, run.Year, run.RunId, publishRunId, calendar.Today, now, caller.Id, reason), cancellationToken).ConfigureAwait(false);
        var notice = await review.GetNoticeAsync(run.Region, run.Year, cancellationToken).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case ReviewOutcome.NotFound:
                throw RpcErrors.RunNotFound(request.RunId);
            case ReviewOutcome.NoNotice:
                throw ReviewErrors.NoNotice(run.Region, run.Year);
            case ReviewOutcome.NotInLine:
                throw ReviewErrors.Precondition("NOT_IN_REVIEW", "the run is neither the run on notice nor a correction of it", run.Region, run.Year);
            case ReviewOutcome.NoticeNotEnded:
                throw ReviewErrors.Precondition("NOTICE_NOT_ENDED", $"the notice runs until {ReviewMapper.Date(notice!.EndDate)} (China Standard Time); finalize after that day", run.Region, run.Year);
            case ReviewOutcome.ObjectionsOpen:
                throw ReviewErrors.Precondition("OBJECTIONS_OPEN", "objections are still open; decide each with DecideObjection first", run.Region, run.Year);
            case ReviewOutcome.RollbackNeedsReason:
                throw Violations.One("reason", FieldRules.Required, "a newer run is in force: finalizing this one is a rollback and needs a reason");
        }

        var publication = result.Value!;
        if (result.Outcome == ReviewOutcome.Done)
        {
            // Committed: dropping stale cached ratings must not be abandoned with the call.
            await published.PublishedAsync(publication.Region, publication.Year, CancellationToken.None).ConfigureAwait(false);
        }

        return new FinalizeRunResponse
        {
            Publication = RunMapper.ToProto(publication),
            Review = await ReviewOfAsync(notice!, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The review message: notice, line of drafts, counts and the final publication.</summary>
    private async Task<Contracts.V1.Review> ReviewOfAsync(Notice notice, CancellationToken cancellationToken)
    {
        var drafts = await review.ListDraftsAsync(notice.Region, notice.Year, cancellationToken).ConfigureAwait(false);
        var objections = await review.ListObjectionsAsync(notice.Region, notice.Year, null, cancellationToken).ConfigureAwait(false);
        var adjustments = await review.ListAdjustmentsAsync(notice.Region, notice.Year, cancellationToken).ConfigureAwait(false);
        var message = new Contracts.V1.Review
        {
            Region = notice.Region,
            Year = notice.Year,
            State = ReviewMapper.State(notice),
            NoticeRunId = notice.RunId,
            NoticeStartDate = ReviewMapper.Date(notice.StartDate),
            NoticeEndDate = ReviewMapper.Date(notice.EndDate),
            WorkingDays = notice.WorkingDays,
            NoticeStartedBy = notice.StartedBy,
            NoticeStartedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(notice.StartedAt),
            ObjectionsOpen = objections.Count(o => o.Decision == Store.Review.ObjectionDecision.Open),
            ObjectionsDecided = objections.Count(o => o.Decision != Store.Review.ObjectionDecision.Open),
            AdjustmentsProposed = adjustments.Count(a => !a.IsApproved),
            AdjustmentsApproved = adjustments.Count(a => a.IsApproved),
        };
        message.Drafts.AddRange(drafts.Select(ReviewMapper.ToProto));
        if (notice.FinalVersion is not null
            && await store.GetLatestPublicationAsync(notice.Region, notice.Year, cancellationToken).ConfigureAwait(false) is { } latest)
        {
            message.FinalPublication = RunMapper.ToProto(latest);
        }

        return message;
    }

    /// <summary>The newest draft of the notice's line (the noticed run until a correction is made).</summary>
    private async Task<string> NewestDraftAsync(Notice notice, CancellationToken cancellationToken)
    {
        var drafts = await review.ListDraftsAsync(notice.Region, notice.Year, cancellationToken).ConfigureAwait(false);
        return drafts.Count > 0 ? drafts[^1].RunId : notice.RunId;
    }

    private async Task<List<StoredRating>> ListAsync(Publication draft, CancellationToken cancellationToken)
    {
        var ratings = new List<StoredRating>();
        await foreach (var stored in store.ListRatingsAsync(draft, Everything, cancellationToken).ConfigureAwait(false))
        {
            ratings.Add(stored);
        }

        return ratings;
    }

    /// <summary>A draft run addressed as the store's rating reads address a publication (by run id; the version is never read).</summary>
    private static Publication DraftOf(string region, int year, string runId, DateTimeOffset at) => new(region, year, 0, runId, at);

    private static Publication DraftOf(Notice notice, string runId) => DraftOf(notice.Region, notice.Year, runId, notice.StartedAt);

    /// <summary>A server-assigned id: the prefix and 16 random hex digits.</summary>
    private static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}

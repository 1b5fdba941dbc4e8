using System.Globalization;
using Grpc.Core;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Policies;
using MuScore.Server.Tests.Security;
using MuScore.Server.Tests.Support;
using MuScore.Store.Audit;

namespace MuScore.Server.Tests.Review;

/// <summary>
/// One year of a county's review over TLS with real tokens and four eyes: submit, notice,
/// objection, decision, correction, adjustment (refused to its proposer, approved by another),
/// finalize; consumers see nothing until the final publication, then the final class with the
/// adjustment on the rating. Every step is in the audit log.
/// </summary>
public sealed class ReviewWorkflowTests(ReviewServerFixture fixture) : IClassFixture<ReviewServerFixture>
{
    private const int Year = 2025;
    private const string Clerk = "clerk";
    private const string OfficerA = "officer-a";
    private const string OfficerB = "officer-b";
    private const string Head = "head";
    private const string Consumer = "consumer";
    private static readonly string Sha = new('a', 64);

    [Fact]
    public async Task AYearOfReview_SubmitNoticeObjectCorrectAdjustFinalize_ConsumersSeeOnlyTheFinalClassWithItsAdjustment()
    {
        var region = PolicyRuns.NextShandong();
        fixture.Today.Date = new DateOnly(2026, 3, 2);
        using var clerk = fixture.As(Clerk, "runs:submit", region);
        using var officerA = fixture.As(OfficerA, "review:manage review:approve runs:submit", region);
        using var officerB = fixture.As(OfficerB, "review:manage review:approve", region);
        using var head = fixture.As(Head, "review:approve runs:publish", region);
        using var consumer = fixture.As(Consumer, "ratings:read policy:quote notice:read", region);
        var code1 = Records.Code(1, region);
        var code2 = Records.Code(2, region);
        var enterprise2 = fixture.As(code2, "objections:file", region);
        var run = await Runs.SubmitAsync(new EvaluationService.EvaluationServiceClient(clerk), Runs.Header(region, Year), Enterprises(region));

        // A draft is never served to consumers, and PublishRun is closed where the review is required.
        Assert.Equal("NOTHING_PUBLISHED", (await CallOutcome.Of(() => new RatingService.RatingServiceClient(consumer).GetRatingAsync(new GetRatingRequest { Region = region, Year = Year, CreditCode = code1 }).ResponseAsync)).Info?.Reason);
        Assert.Equal(QuoteStatus.NoRatingInForce, (await Quote(consumer, region, code1)).Status);
        var publish = await CallOutcome.Of(() => new EvaluationService.EvaluationServiceClient(head).PublishRunAsync(new PublishRunRequest { RunId = run.RunId }).ResponseAsync);
        Assert.Equal((StatusCode.FailedPrecondition, "REVIEW_REQUIRED"), (publish.Code, publish.Info?.Reason));

        // Notice: Monday 2 March 2026 plus five working days ends Friday 6 March.
        var review = new ReviewService.ReviewServiceClient(officerA);
        var started = await review.StartNoticeAsync(new StartNoticeRequest { RunId = run.RunId, StartDate = "2026-03-02" });
        Assert.Equal((ReviewState.OnNotice, "2026-03-02", "2026-03-06", 5), (started.State, started.NoticeStartDate, started.NoticeEndDate, started.WorkingDays));
        Assert.Equal(QuoteStatus.NoRatingInForce, (await Quote(consumer, region, code1)).Status);

        // The notice view: classes without figures, the same classes as the draft's pools.
        var notice = await new ReviewService.ReviewServiceClient(consumer).GetNoticeAsync(new GetNoticeRequest { Region = region, Year = Year });
        Assert.Equal(run.RatedCount + run.ExcludedCount, notice.Entries.Count);
        Assert.Equal(run.Pools.Sum(p => p.D), notice.Entries.Count(e => e.RatingClass == RatingClass.D));
        Assert.All(notice.Entries, e => Assert.False(e.Adjusted));

        // An enterprise objects for itself only, while on notice.
        var filing = new ReviewService.ReviewServiceClient(enterprise2);
        var objection = await filing.FileObjectionAsync(Objection(region, code2));
        Assert.Equal((code2, code2, Sha), (objection.CreditCode, objection.FiledByCaller, objection.Attachments.Single().Sha256));
        var forOther = await CallOutcome.Of(() => filing.FileObjectionAsync(Objection(region, code1)).ResponseAsync);
        Assert.Equal((StatusCode.PermissionDenied, "OWN_ENTERPRISE_ONLY"), (forOther.Code, forOther.Info?.Reason));

        // Not final while the notice runs or an objection is open.
        var early = await CallOutcome.Of(() => new ReviewService.ReviewServiceClient(head).FinalizeRunAsync(new FinalizeRunRequest { RunId = run.RunId }).ResponseAsync);
        Assert.Equal((StatusCode.FailedPrecondition, "NOTICE_NOT_ENDED"), (early.Code, early.Info?.Reason));
        fixture.Today.Date = new DateOnly(2026, 3, 9);
        var open = await CallOutcome.Of(() => new ReviewService.ReviewServiceClient(head).FinalizeRunAsync(new FinalizeRunRequest { RunId = run.RunId }).ResponseAsync);
        Assert.Equal((StatusCode.FailedPrecondition, "OBJECTIONS_OPEN"), (open.Code, open.Info?.Reason));
        var late = await CallOutcome.Of(() => filing.FileObjectionAsync(Objection(region, code2)).ResponseAsync);
        Assert.Equal((StatusCode.FailedPrecondition, "NOT_ON_NOTICE"), (late.Code, late.Info?.Reason));

        // Upheld: enterprise 2's tax was misreported; the correction re-rates the pool.
        var decided = await review.DecideObjectionAsync(new DecideObjectionRequest { ObjectionId = objection.ObjectionId, Decision = ObjectionDecision.Upheld, Reason = "tax certificate shows 2,000万" });
        Assert.Equal((ObjectionDecision.Upheld, OfficerA), (decided.Decision, decided.DecidedBy));
        var fixedRecord = Records.Enterprise(2, region, tax: 2000m);
        var correction = await review.CorrectRunAsync(new CorrectRunRequest { BaseRunId = run.RunId, Reason = "objection upheld", Records = { fixedRecord } });
        Assert.Equal((2, run.RunId), (correction.Draft.DraftVersion_, correction.Draft.BaseRunId));
        var change = correction.Changes.Single(c => c.CreditCode == code2);
        Assert.Equal(["tax"], change.ChangedFields);
        Assert.True(change.ScoreAfter > change.ScoreBefore);
        Assert.Equal(run.RecordCount, correction.Run.RecordCount);

        // Adjustment: proposed by A, refused to A, approved by B.
        var proposed = await review.ProposeAdjustmentAsync(new ProposeAdjustmentRequest { Region = region, Year = Year, CreditCode = code1, RatingClass = RatingClass.D, Reason = "major safety incident found after the notice" });
        var self = await CallOutcome.Of(() => review.ApproveAdjustmentAsync(new ApproveAdjustmentRequest { AdjustmentId = proposed.AdjustmentId }).ResponseAsync);
        Assert.Equal((StatusCode.PermissionDenied, "FOUR_EYES"), (self.Code, self.Info?.Reason));
        var approved = await new ReviewService.ReviewServiceClient(officerB).ApproveAdjustmentAsync(new ApproveAdjustmentRequest { AdjustmentId = proposed.AdjustmentId });
        Assert.Equal((AdjustmentState.Approved, OfficerB), (approved.State, approved.ApprovedBy));

        // The corrected draft's submitter (A) may not finalize it; the head may.
        var byA = await CallOutcome.Of(() => review.FinalizeRunAsync(new FinalizeRunRequest { RunId = correction.Run.RunId }).ResponseAsync);
        Assert.Equal((StatusCode.PermissionDenied, "FOUR_EYES"), (byA.Code, byA.Info?.Reason));
        var final = await new ReviewService.ReviewServiceClient(head).FinalizeRunAsync(new FinalizeRunRequest { RunId = correction.Run.RunId });
        Assert.Equal((1, Head, ReviewState.Final), (final.Publication.Version, final.Publication.PublishedBy, final.Review.State));

        // Consumers now read the final result: enterprise 1 adjusted to D, visibly; enterprise 2 as corrected.
        var ratings = new RatingService.RatingServiceClient(consumer);
        var rating1 = (await ratings.GetRatingAsync(new GetRatingRequest { Region = region, Year = Year, CreditCode = code1 })).Rating;
        Assert.Equal(RatingClass.D, rating1.RatingClass);
        Assert.Equal((RatingClass.A, OfficerA, OfficerB, proposed.AdjustmentId), (rating1.Adjustment.ComputedClass, rating1.Adjustment.ProposedBy, rating1.Adjustment.ApprovedBy, rating1.Adjustment.AdjustmentId));
        Assert.Equal("major safety incident found after the notice", rating1.Adjustment.Reason);
        var rating2 = (await ratings.GetRatingAsync(new GetRatingRequest { Region = region, Year = Year, CreditCode = code2 })).Rating;
        Assert.Equal(change.ClassAfter, rating2.RatingClass);
        Assert.Null(rating2.Adjustment);
        Assert.Equal(RatingClass.D, (await Quote(consumer, region, code1)).RatingClass);

        // Every step is in the hash-chained audit log, in order.
        var kinds = await KindsAsync(region);
        Assert.Equal(
            [AuditKinds.NoticeStarted, AuditKinds.ObjectionFiled, AuditKinds.ObjectionDecided, AuditKinds.RunCorrected, AuditKinds.AdjustmentProposed, AuditKinds.AdjustmentApproved, AuditKinds.RunPublished, AuditKinds.ReviewFinalized],
            kinds.Where(k => k is not (AuditKinds.RunSubmitted or AuditKinds.CallRefused)));
        Assert.True((await fixture.Log.VerifyAsync(CancellationToken.None)).Intact);
        enterprise2.Dispose();
    }

    [Fact]
    public async Task GetNotice_WithoutNoticeRead_PermissionDeniedNamingTheScope()
    {
        var region = PolicyRuns.NextShandong();
        using var reader = fixture.As(Consumer, "ratings:read ratings:figures policy:quote", region);

        var outcome = await CallOutcome.Of(() => new ReviewService.ReviewServiceClient(reader).GetNoticeAsync(new GetNoticeRequest { Region = region, Year = Year }).ResponseAsync);

        Assert.Equal((StatusCode.PermissionDenied, "MISSING_SCOPE", "notice:read"), (outcome.Code, outcome.Info?.Reason, outcome.Info?.Metadata["scope"]));
    }

    [Fact]
    public async Task FileObjection_BadAttachmentAndEmptyText_InvalidArgumentNamingEachField()
    {
        var region = PolicyRuns.NextShandong();
        using var channel = fixture.As(OfficerA, "objections:file", region);
        var request = Objection(region, Records.Code(3, region));
        request.Text = " ";
        request.Attachments[0].Sha256 = "ABC";

        var violations = await RpcAssert.InvalidArgument(() => new ReviewService.ReviewServiceClient(channel).FileObjectionAsync(request).ResponseAsync);

        RpcAssert.HasViolation(violations, "text", "required");
        RpcAssert.HasViolation(violations, "attachments[0].sha256", "format");
    }

    private static FileObjectionRequest Objection(string region, string code) => new()
    {
        Region = region,
        Year = Year,
        CreditCode = code,
        FiledBy = "张三 (法定代表人)",
        Text = "实缴税金漏报了第四季度的入库税款。",
        Attachments = { new Attachment { Name = "完税证明.pdf", Sha256 = Sha, SizeBytes = 123_456 } },
    };

    /// <summary>Twelve enterprises with rising tax: enterprise 1 is the best of the pool.</summary>
    private static List<EnterpriseRecord> Enterprises(string region) =>
        [.. Enumerable.Range(1, 12).Select(i => Records.Enterprise(i, region, tax: 1300m - (i * 100m)))];

    private static async Task<TariffQuote> Quote(Grpc.Net.Client.GrpcChannel channel, string region, string code)
    {
        var tomorrow = PolicyRuns.ChinaToday().AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return await new PolicyService.PolicyServiceClient(channel).QuoteTariffAsync(new QuoteTariffRequest { Region = region, CreditCode = code, Utility = Utility.Electricity, BillingDate = tomorrow });
    }

    private async Task<List<string>> KindsAsync(string region)
    {
        var kinds = new List<string>();
        await foreach (var entry in fixture.Log.ListAsync(new AuditQuery(null, null, null, [region], null, null, AuditQuery.MaxLimit), CancellationToken.None))
        {
            kinds.Add(entry.Record.Kind);
        }

        return kinds;
    }
}

using MuScore.Core.Rating;
using MuScore.Store.Audit;
using MuScore.Store.Review;
using MuScore.Store.Tests.Builders;

namespace MuScore.Store.Tests.Contract;

/// <summary>The review records (docs/review.md): each write with its audit entry in one transaction, the refusals decided under the lock.</summary>
public abstract partial class RatingStoreContract
{
    private static readonly DateOnly NoticeStart = new(2026, 3, 2);
    private static readonly DateOnly NoticeEnd = new(2026, 3, 6);

    private IReviewStore Review => RatingStoreFactory.ReviewStoreOf(Store);

    [Fact]
    public async Task Review_NoticeObjectionDecisionAdjustmentFinalize_EachWrittenOnceAndAuditedInOrder()
    {
        var draft = await NoticedDraftAsync("walk");
        var objection = (await Review.FileObjectionAsync(Objection(draft.RunId, 2), None)).Value!;
        var adjustment = (await Review.ProposeAdjustmentAsync(Adjustment(1, "proposer"), None)).Value!;

        var refusedFinal = await Review.FinalizeAsync(Finalize(draft.RunId, NoticeEnd.AddDays(1)), None);
        var decided = await Review.DecideObjectionAsync(objection.ObjectionId, ObjectionDecision.Rejected, "no evidence", "officer", TestRuns.Created.AddDays(10), None);
        var again = await Review.DecideObjectionAsync(objection.ObjectionId, ObjectionDecision.Upheld, "changed my mind", "officer", TestRuns.Created.AddDays(10), None);
        var self = await Review.ApproveAdjustmentAsync(adjustment.AdjustmentId, "proposer", TestRuns.Created.AddDays(11), None);
        var approved = await Review.ApproveAdjustmentAsync(adjustment.AdjustmentId, "approver", TestRuns.Created.AddDays(11), None);
        var early = await Review.FinalizeAsync(Finalize(draft.RunId, NoticeEnd), None);
        var final = await Review.FinalizeAsync(Finalize(draft.RunId, NoticeEnd.AddDays(1)), None);

        Assert.Equal(ReviewOutcome.ObjectionsOpen, refusedFinal.Outcome);
        Assert.Equal((ReviewOutcome.Done, ObjectionDecision.Rejected, "officer"), (decided.Outcome, decided.Value!.Decision, decided.Value.DecidedBy));
        Assert.Equal((ReviewOutcome.AlreadyDone, ObjectionDecision.Rejected), (again.Outcome, again.Value!.Decision));
        Assert.Equal(ReviewOutcome.SameAsProposer, self.Outcome);
        Assert.Equal((ReviewOutcome.Done, "approver"), (approved.Outcome, approved.Value!.ApprovedBy));
        Assert.Equal(ReviewOutcome.NoticeNotEnded, early.Outcome);
        Assert.Equal((ReviewOutcome.Done, 1, draft.RunId), (final.Outcome, final.Value!.Version, final.Value.RunId));
        Assert.Equal(1, (await Review.GetNoticeAsync(TestRuns.Region, TestRuns.Year, None))!.FinalVersion);
        Assert.Equal(final.Value, await Store.GetLatestPublicationAsync(TestRuns.Region, TestRuns.Year, None));
        Assert.Equal(
            [AuditKinds.RunSubmitted, AuditKinds.NoticeStarted, AuditKinds.ObjectionFiled, AuditKinds.AdjustmentProposed, AuditKinds.ObjectionDecided, AuditKinds.AdjustmentApproved, AuditKinds.RunPublished, AuditKinds.ReviewFinalized],
            (await AuditEntriesAsync()).Select(e => e.Record.Kind));
        Assert.True((await Audit.VerifyAsync(None)).Intact);
    }

    [Fact]
    public async Task Review_ReadBackFromAnotherInstance_EqualsWhatWasWritten()
    {
        var draft = await NoticedDraftAsync("read-back");
        var objection = (await Review.FileObjectionAsync(Objection(draft.RunId, 3), None)).Value!;
        var adjustment = (await Review.ProposeAdjustmentAsync(Adjustment(2, "proposer"), None)).Value!;
        var other = RatingStoreFactory.ReviewStoreOf(await OpenAsync());

        Assert.Equal(objection with { Attachments = [] }, (await other.GetObjectionAsync(objection.ObjectionId, None))! with { Attachments = [] });
        Assert.Equal(objection.Attachments, (await other.ListObjectionsAsync(TestRuns.Region, TestRuns.Year, TestRuns.Code(3), None)).Single().Attachments);
        Assert.Empty(await other.ListObjectionsAsync(TestRuns.Region, TestRuns.Year, TestRuns.Code(4), None));
        Assert.Equal([adjustment], await other.ListAdjustmentsAsync(TestRuns.Region, TestRuns.Year, None));
        Assert.Equal(new Notice(TestRuns.Region, TestRuns.Year, draft.RunId, NoticeStart, NoticeEnd, 5, "officer", TestRuns.Created.AddDays(1)), await other.GetNoticeAsync(TestRuns.Region, TestRuns.Year, None));
    }

    [Fact]
    public async Task Review_SecondNoticeAndForeignCorrection_RefusedAndNothingWritten()
    {
        var draft = await NoticedDraftAsync("first");
        var second = TestRuns.Draft("second", TestRuns.Mixed(4));
        await Store.SaveDraftAsync(second, None);
        var entries = (await AuditEntriesAsync()).Count;

        var notice = await Review.StartNoticeAsync(NoticeOf(second.RunId), None);
        var correction = await Review.AddCorrectionAsync(new ReviewDraft(TestRuns.Region, TestRuns.Year, 0, second.RunId, "not-in-line", "officer", TestRuns.Created, "why"), None);
        var corrected = await Review.AddCorrectionAsync(new ReviewDraft(TestRuns.Region, TestRuns.Year, 0, second.RunId, draft.RunId, "officer", TestRuns.Created.AddDays(2), "objection upheld"), None);
        var notInLine = await Review.FinalizeAsync(Finalize("unknown-run", NoticeEnd.AddDays(1)) with { DraftRunId = "unknown-run", PublishRunId = second.RunId }, None);

        Assert.Equal((ReviewOutcome.NoticeExists, draft.RunId), (notice.Outcome, notice.Value!.RunId));
        Assert.Equal(ReviewOutcome.NotInLine, correction.Outcome);
        Assert.Equal((ReviewOutcome.Done, 2), (corrected.Outcome, corrected.Value!.DraftVersion));
        Assert.Equal(ReviewOutcome.NotInLine, notInLine.Outcome);
        Assert.Equal([AuditKinds.RunCorrected], (await AuditEntriesAsync()).Skip(entries).Select(e => e.Record.Kind));
    }

    [Fact]
    public async Task Review_KeptInputs_ReadBackByteForByteOnce()
    {
        var inputs = new RunInputs("run-1", [1, 2, 3], [.. Enumerable.Range(0, 70_000).Select(i => (byte)(i % 251))]);

        await Review.SaveInputsAsync(inputs, None);
        await Review.SaveInputsAsync(inputs with { Records = [9] }, None);
        var back = await Review.GetInputsAsync("run-1", None);

        Assert.Equal(inputs.Header, back!.Header);
        Assert.Equal(inputs.Records, back.Records);
        Assert.Null(await Review.GetInputsAsync("run-2", None));
    }

    [Fact]
    public async Task Payload_AdjustedRating_ReadBackWithItsAdjustment()
    {
        var adjusted = TestRuns.Rated(1, "ABOVE", 1, RatingClass.D) with
        {
            Adjustment = new RatingAdjustment(RatingClass.A, "重大安全事故", "proposer", "approver", TestRuns.Created.AddDays(3), "adj-0123456789abcdef"),
        };
        var draft = TestRuns.Draft("adjusted", [adjusted, TestRuns.Rated(2, "ABOVE", 2, RatingClass.B)]);
        await Store.SaveDraftAsync(draft, None);
        var publication = (await Store.PublishAsync(new PublishRequest(draft.RunId, TestRuns.Created.AddDays(4), TestRuns.Publisher, null), None)).Publication!;

        var back = await Store.GetRatingsAsync(publication, [TestRuns.Code(1), TestRuns.Code(2)], None);

        Assert.Equal(adjusted.Adjustment, back[TestRuns.Code(1)].Adjustment);
        Assert.Null(back[TestRuns.Code(2)].Adjustment);
    }

    private async Task<DraftRun> NoticedDraftAsync(string tag)
    {
        var draft = TestRuns.Draft(tag, TestRuns.Mixed(6));
        await Store.SaveDraftAsync(draft, None);
        var started = await Review.StartNoticeAsync(NoticeOf(draft.RunId), None);
        Assert.Equal(ReviewOutcome.Done, started.Outcome);
        return draft;
    }

    private static Notice NoticeOf(string runId) => new(TestRuns.Region, TestRuns.Year, runId, NoticeStart, NoticeEnd, 5, "officer", TestRuns.Created.AddDays(1));

    private static Objection Objection(string runId, int serial) => new(
        $"obj-{serial:x16}",
        TestRuns.Region,
        TestRuns.Year,
        TestRuns.Code(serial),
        runId,
        "法定代表人",
        TestRuns.Code(serial),
        TestRuns.Created.AddDays(2),
        "税金漏报",
        [new ObjectionAttachment("完税证明.pdf", new string('b', 64), 1234), new ObjectionAttachment("合同.pdf", new string('c', 64), 0)]);

    private static Adjustment Adjustment(int serial, string proposer) =>
        new($"adj-{serial:x16}", TestRuns.Region, TestRuns.Year, TestRuns.Code(serial), RatingClass.D, "major safety incident", proposer, TestRuns.Created.AddDays(3));

    private static FinalizeRequest Finalize(string runId, DateOnly today) =>
        new(TestRuns.Region, TestRuns.Year, runId, runId, today, TestRuns.Created.AddDays(12), "head", null);
}

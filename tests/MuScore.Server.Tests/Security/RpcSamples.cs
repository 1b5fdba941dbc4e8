using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Policies;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Security;

/// <summary>What a call ended with: its status code and, for an error, the ErrorInfo and message it carried.</summary>
internal sealed record CallOutcome(StatusCode Code, ErrorInfo? Info, string Message)
{
    /// <summary>Runs <paramref name="call"/> and records how it ended.</summary>
    public static async Task<CallOutcome> Of(Func<Task> call)
    {
        try
        {
            await call();
            return new CallOutcome(StatusCode.OK, null, string.Empty);
        }
        catch (RpcException e)
        {
            return new CallOutcome(e.StatusCode, e.GetRpcStatus()?.GetDetail<ErrorInfo>(), e.Status.Detail);
        }
    }
}

/// <summary>
/// A small valid request for every RPC that has a rule, sent through the generated clients, and
/// the status it gets from a caller allowed to make it on a server where nothing is published:
/// a call that gets that status has gone past authorization and been handled.
/// </summary>
internal static class RpcSamples
{
    /// <summary>The region the samples name unless told otherwise: Linhai, where list and land rules are in force.</summary>
    public const string Region = PolicyRuns.Linhai;

    private static readonly Dictionary<string, (StatusCode Handled, Func<GrpcChannel, string, Task> Call)> Calls = new(StringComparer.Ordinal)
    {
        ["/muscore.v1.RatingService/GetRating"] = (StatusCode.NotFound, (channel, region) =>
            new RatingService.RatingServiceClient(channel).GetRatingAsync(new GetRatingRequest { Region = region, CreditCode = Records.Code(1, region), Year = 2024 }).ResponseAsync),
        ["/muscore.v1.RatingService/BatchGetRatings"] = (StatusCode.NotFound, (channel, region) =>
            new RatingService.RatingServiceClient(channel).BatchGetRatingsAsync(new BatchGetRatingsRequest { Region = region, Year = 2024, CreditCodes = { Records.Code(1, region) } }).ResponseAsync),
        ["/muscore.v1.RatingService/ListRatings"] = (StatusCode.NotFound, (channel, region) =>
            DrainAsync(new RatingService.RatingServiceClient(channel).ListRatings(new ListRatingsRequest { Region = region, Year = 2024 }))),
        ["/muscore.v1.EvaluationService/SubmitRun"] = (StatusCode.OK, SubmitAsync),
        ["/muscore.v1.EvaluationService/GetRun"] = (StatusCode.NotFound, (channel, _) =>
            new EvaluationService.EvaluationServiceClient(channel).GetRunAsync(new GetRunRequest { RunId = new string('a', 64) }).ResponseAsync),
        ["/muscore.v1.EvaluationService/ListRuns"] = (StatusCode.OK, (channel, region) =>
            new EvaluationService.EvaluationServiceClient(channel).ListRunsAsync(new ListRunsRequest { Region = region }).ResponseAsync),
        ["/muscore.v1.EvaluationService/PublishRun"] = (StatusCode.NotFound, (channel, _) =>
            new EvaluationService.EvaluationServiceClient(channel).PublishRunAsync(new PublishRunRequest { RunId = new string('b', 64) }).ResponseAsync),
        ["/muscore.v1.PolicyService/QuoteTariff"] = (StatusCode.OK, (channel, region) =>
            new PolicyService.PolicyServiceClient(channel).QuoteTariffAsync(Tariff(region)).ResponseAsync),
        ["/muscore.v1.PolicyService/QuoteTariffs"] = (StatusCode.OK, (channel, region) =>
            new PolicyService.PolicyServiceClient(channel).QuoteTariffsAsync(new QuoteTariffsRequest { Items = { Tariff(region) } }).ResponseAsync),
        ["/muscore.v1.PolicyService/CheckLandTransfer"] = (StatusCode.OK, (channel, region) =>
            new PolicyService.PolicyServiceClient(channel).CheckLandTransferAsync(LandTransfer(region)).ResponseAsync),
        ["/muscore.v1.PolicyService/AssessSubsidy"] = (StatusCode.OK, (channel, region) =>
            new PolicyService.PolicyServiceClient(channel).AssessSubsidyAsync(new AssessSubsidyRequest
            {
                CreditCode = Records.Code(1, region),
                Region = region,
                Date = "2023-06-01",
                EquipmentRenovation = new EquipmentRenovation { ProjectInvestmentWan = "5000", EquipmentInvestmentWan = "4000" },
            }).ResponseAsync),
        ["/muscore.v1.PolicyService/QuoteTaxRelief"] = (StatusCode.OK, (channel, region) =>
            new PolicyService.PolicyServiceClient(channel).QuoteTaxReliefAsync(new QuoteTaxReliefRequest { CreditCode = Records.Code(1, region), Region = region, Date = "2025-06-01" }).ResponseAsync),
        ["/muscore.v1.PolicyService/ListLowEfficiency"] = (StatusCode.NotFound, (channel, region) =>
            DrainAsync(new PolicyService.PolicyServiceClient(channel).ListLowEfficiency(new ListLowEfficiencyRequest { Region = region, Year = 2023 }))),
        ["/muscore.v1.PolicyService/SummarizeRegion"] = (StatusCode.NotFound, (channel, region) =>
            new PolicyService.PolicyServiceClient(channel).SummarizeRegionAsync(new SummarizeRegionRequest { Region = region, Year = 2023 }).ResponseAsync),
        ["/muscore.v1.AuditService/ListAuditEvents"] = (StatusCode.OK, (channel, region) =>
            DrainAsync(new AuditService.AuditServiceClient(channel).ListAuditEvents(new ListAuditEventsRequest { Region = region, Limit = 10 }))),
        ["/muscore.v1.ReviewService/StartNotice"] = (StatusCode.NotFound, (channel, _) =>
            Review(channel).StartNoticeAsync(new StartNoticeRequest { RunId = new string('c', 64), StartDate = "2026-03-02" }).ResponseAsync),
        ["/muscore.v1.ReviewService/GetReview"] = (StatusCode.NotFound, (channel, region) =>
            Review(channel).GetReviewAsync(new GetReviewRequest { Region = region, Year = 2025 }).ResponseAsync),
        ["/muscore.v1.ReviewService/GetNotice"] = (StatusCode.NotFound, (channel, region) =>
            Review(channel).GetNoticeAsync(new GetNoticeRequest { Region = region, Year = 2025 }).ResponseAsync),
        ["/muscore.v1.ReviewService/FileObjection"] = (StatusCode.FailedPrecondition, (channel, region) =>
            Review(channel).FileObjectionAsync(new FileObjectionRequest { Region = region, Year = 2025, CreditCode = Records.Code(1, region), FiledBy = "法人", Text = "异议" }).ResponseAsync),
        ["/muscore.v1.ReviewService/ListObjections"] = (StatusCode.OK, (channel, region) =>
            Review(channel).ListObjectionsAsync(new ListObjectionsRequest { Region = region, Year = 2025 }).ResponseAsync),
        ["/muscore.v1.ReviewService/DecideObjection"] = (StatusCode.NotFound, (channel, _) =>
            Review(channel).DecideObjectionAsync(new DecideObjectionRequest { ObjectionId = "obj-0000000000000000", Decision = ObjectionDecision.Rejected, Reason = "no evidence" }).ResponseAsync),
        ["/muscore.v1.ReviewService/CorrectRun"] = (StatusCode.NotFound, (channel, region) =>
            Review(channel).CorrectRunAsync(new CorrectRunRequest { BaseRunId = new string('d', 64), Reason = "tax corrected", Records = { Records.Enterprise(1, region) } }).ResponseAsync),
        ["/muscore.v1.ReviewService/ProposeAdjustment"] = (StatusCode.NotFound, (channel, region) =>
            Review(channel).ProposeAdjustmentAsync(new ProposeAdjustmentRequest { Region = region, Year = 2025, CreditCode = Records.Code(1, region), RatingClass = RatingClass.D, Reason = "major safety incident" }).ResponseAsync),
        ["/muscore.v1.ReviewService/ApproveAdjustment"] = (StatusCode.NotFound, (channel, _) =>
            Review(channel).ApproveAdjustmentAsync(new ApproveAdjustmentRequest { AdjustmentId = "adj-0000000000000000" }).ResponseAsync),
        ["/muscore.v1.ReviewService/ListAdjustments"] = (StatusCode.OK, (channel, region) =>
            Review(channel).ListAdjustmentsAsync(new ListAdjustmentsRequest { Region = region, Year = 2025 }).ResponseAsync),
        ["/muscore.v1.ReviewService/FinalizeRun"] = (StatusCode.NotFound, (channel, _) =>
            Review(channel).FinalizeRunAsync(new FinalizeRunRequest { RunId = new string('e', 64) }).ResponseAsync),
    };

    /// <summary>The RPCs that name a region in their request and check it (EvaluationService does not yet).</summary>
    public static readonly IReadOnlyList<string> Regional =
    [
        "/muscore.v1.RatingService/GetRating",
        "/muscore.v1.RatingService/BatchGetRatings",
        "/muscore.v1.RatingService/ListRatings",
        "/muscore.v1.PolicyService/QuoteTariff",
        "/muscore.v1.PolicyService/QuoteTariffs",
        "/muscore.v1.PolicyService/CheckLandTransfer",
        "/muscore.v1.PolicyService/AssessSubsidy",
        "/muscore.v1.PolicyService/QuoteTaxRelief",
        "/muscore.v1.PolicyService/ListLowEfficiency",
        "/muscore.v1.PolicyService/SummarizeRegion",
        "/muscore.v1.ReviewService/GetReview",
        "/muscore.v1.ReviewService/GetNotice",
        "/muscore.v1.ReviewService/FileObjection",
        "/muscore.v1.ReviewService/ListObjections",
        "/muscore.v1.ReviewService/ProposeAdjustment",
        "/muscore.v1.ReviewService/ListAdjustments",
    ];

    /// <summary>The status the sample of <paramref name="method"/> gets once it is handled (<see cref="Region"/>, nothing published).</summary>
    public static StatusCode Handled(string method) => Calls[method].Handled;

    /// <summary>Sends the sample of <paramref name="method"/> naming <paramref name="region"/> and records how it ended.</summary>
    public static Task<CallOutcome> CallAsync(string method, GrpcChannel channel, string region = Region) =>
        CallOutcome.Of(() => Calls[method].Call(channel, region));

    /// <summary>A tariff query of an enterprise of <paramref name="region"/>.</summary>
    public static QuoteTariffRequest Tariff(string region) => new()
    {
        CreditCode = Records.Code(1, region),
        Region = region,
        Utility = Utility.Electricity,
        BillingDate = "2025-06-01",
        Quantity = "1000",
    };

    private static CheckLandTransferRequest LandTransfer(string region) => new()
    {
        TransferDate = "2023-06-01",
        Region = region,
        ReceiverCreditCode = Records.Code(1, region),
        Kind = TransferKind.Whole,
        Parcels =
        {
            new Parcel { Id = "P-1", AreaMu = "30", Completed = true, InProduction = true, OwnershipType = "国有", UseRight = "出让", RemainingTermYears = "35" },
        },
    };

    private static ReviewService.ReviewServiceClient Review(GrpcChannel channel) => new(channel);

    private static async Task DrainAsync<T>(AsyncServerStreamingCall<T> call)
    {
        using (call)
        {
            await foreach (var _ in call.ResponseStream.ReadAllAsync())
            {
            }
        }
    }

    private static async Task SubmitAsync(GrpcChannel channel, string region)
    {
        using var call = new EvaluationService.EvaluationServiceClient(channel).SubmitRun();
        try
        {
            await call.RequestStream.WriteAsync(new SubmitRunRequest { Header = Runs.Header(region, 2024) });
            await call.RequestStream.WriteAsync(new SubmitRunRequest { Record = Records.Enterprise(1, region) });
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // A refused call ends before the client has written everything; its status comes from the response.
        }

        await call.ResponseAsync;
    }
}

using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Policies;

public sealed class PolicyValidationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Region = "370102";

    private PolicyService.PolicyServiceClient Client => new(fixture.Server.Channel);

    [Fact]
    public async Task QuoteTariff_BadCreditCodeAndDate_InvalidArgumentNamingEachField()
    {
        var request = QuoteTariffTests.Query(Records.WithBadCheck(Records.Code(1, Region)), Region, new DateOnly(2025, 1, 1));
        request.BillingDate = "2025-13-01";
        request.Quantity = "-5";

        var violations = await RpcAssert.InvalidArgument(async () => await Client.QuoteTariffAsync(request));

        RpcAssert.HasViolation(violations, "credit_code", "invalid_value");
        RpcAssert.HasViolation(violations, "billing_date", "format");
        RpcAssert.HasViolation(violations, "quantity", "invalid_value");
    }

    [Fact]
    public async Task QuoteTariff_UtilityNotSet_InvalidArgument()
    {
        var request = QuoteTariffTests.Query(Records.Code(1, Region), Region, new DateOnly(2025, 1, 1));
        request.Utility = Utility.Unspecified;

        var violations = await RpcAssert.InvalidArgument(async () => await Client.QuoteTariffAsync(request));

        RpcAssert.HasViolation(violations, "utility", "invalid_value");
    }

    [Fact]
    public async Task QuoteTariffs_MoreThanTenThousandItems_InvalidArgument()
    {
        var item = QuoteTariffTests.Query(Records.Code(1, Region), Region, new DateOnly(2025, 1, 1));
        var request = new QuoteTariffsRequest { Items = { Enumerable.Repeat(item, 10_001) } };

        var violations = await RpcAssert.InvalidArgument(async () => await Client.QuoteTariffsAsync(request));

        RpcAssert.HasViolation(violations, "items", "too_many");
    }

    [Fact]
    public async Task QuoteTariffs_OneBadItem_ViolationNamesItsIndex()
    {
        var good = QuoteTariffTests.Query(Records.Code(1, Region), Region, new DateOnly(2025, 1, 1));
        var bad = QuoteTariffTests.Query(Records.Code(2, Region), "37", new DateOnly(2025, 1, 1));

        var violations = await RpcAssert.InvalidArgument(async () => await Client.QuoteTariffsAsync(new QuoteTariffsRequest { Items = { good, bad } }));

        RpcAssert.HasViolation(violations, "items[1].region", "invalid_value");
    }

    [Fact]
    public async Task CheckLandTransfer_BadAreaAndMissingSplitPlan_InvalidArgument()
    {
        var request = new CheckLandTransferRequest
        {
            TransferDate = "2023-06-01",
            Region = PolicyRuns.Linhai,
            ReceiverCreditCode = Records.Code(1, PolicyRuns.Linhai),
            Kind = TransferKind.Split,
            Parcels = { new Parcel { Id = "P-1", AreaMu = "thirty", OwnershipType = "国有", UseRight = "出让", RemainingTermYears = "30" } },
        };

        var violations = await RpcAssert.InvalidArgument(async () => await Client.CheckLandTransferAsync(request));

        Assert.Contains(violations, v => v.Field == "parcels[0].area_mu" && v.Reason == "format");
        Assert.Contains(violations, v => v.Field.StartsWith("split", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AssessSubsidy_NoApplicationOrEquipmentAboveProject_InvalidArgument()
    {
        var none = new AssessSubsidyRequest { CreditCode = Records.Code(1, PolicyRuns.Linhai), Region = PolicyRuns.Linhai, Date = "2023-06-01" };
        var inconsistent = none.Clone();
        inconsistent.EquipmentRenovation = new EquipmentRenovation { ProjectInvestmentWan = "100", EquipmentInvestmentWan = "200" };

        var missing = await RpcAssert.InvalidArgument(async () => await Client.AssessSubsidyAsync(none));
        var overProject = await RpcAssert.InvalidArgument(async () => await Client.AssessSubsidyAsync(inconsistent));

        RpcAssert.HasViolation(missing, "application", "required");
        RpcAssert.HasViolation(overProject, "equipment_renovation.equipment_investment_wan", "invalid_value");
    }
}

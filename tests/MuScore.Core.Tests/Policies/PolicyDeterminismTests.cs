using System.Text.Json;
using MuScore.Core.Policies;
using MuScore.Core.Rating;
using static MuScore.Core.Tests.Policies.PolicyTestData;

namespace MuScore.Core.Tests.Policies;

public class PolicyDeterminismTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    [Fact]
    public void QuoteTariff_PolicySetBuiltInAnyOrder_ByteIdenticalAnswer()
    {
        var policies = PolicyPresets.Names.Select(PolicyPresets.Get).Append(Parse(JinanFlat)).ToArray();
        var code = Code(5, Jinan);
        var query = new TariffQuery(code, Jinan, Utility.Electricity, new DateOnly(2024, 6, 1), 1000m);
        var rating = Rated(code, Jinan, 2023, RatingClass.D, 2);

        var forward = PolicyEngine.QuoteTariff(query, Set(policies), rating);
        var backward = PolicyEngine.QuoteTariff(query, Set([.. policies.Reverse()]), rating);

        Assert.Equal(JsonSerializer.Serialize(forward, Json), JsonSerializer.Serialize(backward, Json));
    }

    [Fact]
    public void QuoteTariff_ManyEnterprisesOfFewShapes_EachAnswerAsIfQuotedAlone()
    {
        // One set answers a billing run (its outcomes are shared between enterprises of one shape);
        // every answer must equal what a fresh set gives that enterprise alone.
        var shared = Set([.. PolicyPresets.Names.Select(PolicyPresets.Get), Parse(JinanFlat)]);
        var dates = new[] { new DateOnly(2024, 6, 1), new DateOnly(2024, 12, 31) };
        for (var i = 0; i < 60; i++)
        {
            var code = Code(i + 1, Jinan);
            var ratingClass = (RatingClass)(i % 4);
            var rating = i % 7 == 0 ? null : Rated(code, Jinan, 2023, ratingClass, ratingClass == RatingClass.D ? 1 + (i % 3) : 0);
            var query = new TariffQuery(code, Jinan, Utility.Electricity, dates[i % 2], 1000m + i);
            var alone = Set([.. PolicyPresets.Names.Select(PolicyPresets.Get), Parse(JinanFlat)]);

            var fromShared = PolicyEngine.QuoteTariff(query, shared, rating);

            Assert.Equal(JsonSerializer.Serialize(PolicyEngine.QuoteTariff(query, alone, rating), Json), JsonSerializer.Serialize(fromShared, Json));
        }
    }

    [Fact]
    public void CheckLandTransfer_SameInputs_ByteIdenticalAnswer()
    {
        var request = new LandTransferRequest
        {
            TransferDate = new DateOnly(2023, 9, 1),
            Region = Linhai,
            ReceiverCreditCode = Code(8),
            Kind = TransferKind.Merge,
            Parcels =
            [
                new Parcel { Id = "A", AreaMu = 12m, OwnershipType = "国有", UseRight = "出让", RemainingTermYears = 30m, AdjacentParcelIds = ["B"] },
                new Parcel { Id = "B", AreaMu = 9m, OwnershipType = "国有", UseRight = "出让", RemainingTermYears = 25m },
            ],
        };
        var rules = Presets.LandRulesInForce(Linhai, request.TransferDate)!;
        var rating = Rated(Code(8), Linhai, 2022, RatingClass.B);

        var first = JsonSerializer.Serialize(PolicyEngine.CheckLandTransfer(request, rules, rating, false), Json);
        var second = JsonSerializer.Serialize(PolicyEngine.CheckLandTransfer(request, Presets.LandRulesInForce(Linhai, request.TransferDate)!, rating, false), Json);

        Assert.Equal(first, second);
        Assert.Contains("\"MergedRemainingTermYears\": 25", first, StringComparison.Ordinal);
    }
}

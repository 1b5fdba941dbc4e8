using System.Text.Json;

namespace MuScore.Cli.Tests.Querying;

/// <summary>"muscore land-check" and "muscore subsidy" with request files, against a real server (linhai-2022 in force 2022-07-16 to 2024-01-01).</summary>
public sealed class RequestFileCommandTests(QueryServer query) : IClassFixture<QueryServer>, IDisposable
{
    private readonly TempDirectory temp = new();

    private string Address => query.Server.Address.ToString();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task LandCheck_PolicyInForce_PrintsTheDecisionAndEveryRule()
    {
        var file = Write("land.json", Land("2023-06-01"));

        var run = (await QueryServer.RunAsync("land-check", file, "--server", Address, "--token", query.Office)).Expect(ExitCodes.Success);

        Assert.Matches(@"^outcome    (ALLOW|DENY|REVIEW)\n", run.Out);
        Assert.Contains("policy     linhai-2022 version ", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\nrules:\nrule +outcome +clause +sentence\n", run.Out);
    }

    [Fact]
    public async Task LandCheck_Json_IsTheDecision()
    {
        var file = Write("land.json", Land("2023-06-01"));

        var run = (await QueryServer.RunAsync("land-check", file, "--server", Address, "--token", query.Office, "--json")).Expect(ExitCodes.Success);

        using var json = JsonDocument.Parse(run.Out);
        Assert.Matches("^LAND_OUTCOME_(ALLOW|DENY|REVIEW)$", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("linhai-2022", json.RootElement.GetProperty("policy").GetProperty("id").GetString());
        Assert.NotEqual(0, json.RootElement.GetProperty("rules").GetArrayLength());
    }

    [Fact]
    public async Task LandCheck_NoPolicyInForce_ExitsSixWithTheAnswer()
    {
        var file = Write("land.json", Land("2025-06-01"));

        var run = (await QueryServer.RunAsync("land-check", file, "--server", Address, "--token", query.Office)).Expect(ExitCodes.NoAnswer);

        Assert.StartsWith("outcome    NO_POLICY_IN_FORCE\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subsidy_EquipmentRenovation_PrintsOutcomeRulesAndPolicy()
    {
        var file = Write("subsidy.json", Subsidy("2023-06-01"));

        var run = (await QueryServer.RunAsync("subsidy", file, "--server", Address, "--token", query.Office)).Expect(ExitCodes.Success);

        Assert.Contains("kind       equipment_renovation\n", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"\noutcome    (ELIGIBLE|NOT_ELIGIBLE|REVIEW)\n", run.Out);
        Assert.Contains("policy     linhai-2022 version ", run.Out, StringComparison.Ordinal);
        Assert.Contains("rules:\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subsidy_NoPolicyInForce_ExitsSix()
    {
        var file = Write("subsidy.json", Subsidy("2025-06-01"));

        var run = (await QueryServer.RunAsync("subsidy", file, "--server", Address, "--token", query.Office, "--json")).Expect(ExitCodes.NoAnswer);

        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("SUBSIDY_OUTCOME_NO_POLICY_IN_FORCE", json.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public void LandCheck_BadRequestFile_ExitsTwoNamingEachJsonPath()
    {
        var file = Write("bad.json", """
            {
              "transfer_date": "2023-06-01",
              "region": "331082",
              "kind": "SELL",
              "parcels": [ { "id": "P-1", "area": "30", "area_mu": 30, "completed": "yes" } ]
            }
            """);

        var run = CliRun.Of("land-check", file, "--server", Address).Expect(ExitCodes.Usage);

        Assert.StartsWith("muscore land-check: request file '", run.Error, StringComparison.Ordinal);
        Assert.Contains("is not a muscore.v1.CheckLandTransferRequest (4 problem(s)", run.Error, StringComparison.Ordinal);
        Assert.Contains("$.kind: expected one of TRANSFER_KIND_UNSPECIFIED, TRANSFER_KIND_WHOLE", run.Error, StringComparison.Ordinal);
        Assert.Contains("$.parcels[0].area: unknown field of Parcel", run.Error, StringComparison.Ordinal);
        Assert.Contains("$.parcels[0].area_mu: expected a string (decimals are written as text", run.Error, StringComparison.Ordinal);
        Assert.Contains("$.parcels[0].completed: expected true or false, found \"yes\"", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Subsidy_NotJson_ExitsTwoWithLineAndByte()
    {
        var file = Write("broken.json", "{\n  \"credit_code\": \"x\",\n  oops\n}");

        var run = CliRun.Of("subsidy", file, "--server", Address).Expect(ExitCodes.Usage);

        Assert.Contains("is not JSON: line 3, byte 3", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Subsidy_MissingFile_ExitsTwo()
    {
        var run = CliRun.Of("subsidy", temp.File("none.json"), "--server", Address).Expect(ExitCodes.Usage);

        Assert.Contains("none.json' does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subsidy_ServerRejectsAField_ExitsFourWithTheFieldViolation()
    {
        // Shaped right but wrong in content: the server names the field.
        var file = Write("subsidy.json", Subsidy("2023-06-01").Replace("\"4000\"", "\"lots\"", StringComparison.Ordinal));

        var run = (await QueryServer.RunAsync("subsidy", file, "--server", Address, "--token", query.Office)).Expect(ExitCodes.ServerError);

        Assert.Contains("INVALID_ARGUMENT", run.Error, StringComparison.Ordinal);
        Assert.Contains("equipment_renovation.equipment_investment_wan", run.Error, StringComparison.Ordinal);
    }

    private string Land(string date) => $$"""
        {
          "transfer_date": "{{date}}",
          "region": "331082",
          "receiver_credit_code": "{{query.RatedB.CreditCode}}",
          "kind": "TRANSFER_KIND_WHOLE",
          "parcels": [
            { "id": "P-1", "area_mu": "30", "completed": true, "in_production": true, "ownership_type": "国有", "use_right": "出让", "remaining_term_years": "35" }
          ]
        }
        """;

    private string Subsidy(string date) => $$"""
        {
          "credit_code": "{{query.RatedB.CreditCode}}",
          "region": "331082",
          "date": "{{date}}",
          "equipment_renovation": { "project_investment_wan": "5000", "equipment_investment_wan": "4000" }
        }
        """;

    private string Write(string name, string text)
    {
        var path = temp.File(name);
        File.WriteAllText(path, text);
        return path;
    }
}

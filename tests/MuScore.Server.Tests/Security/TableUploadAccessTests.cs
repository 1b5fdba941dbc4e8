using Grpc.Core;
using Grpc.Net.Client;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Auditing.Support;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Security;

/// <summary>A table upload is SubmitRun: the same scope (runs:submit) and the same check of every row's region as for records.</summary>
public sealed class TableUploadAccessTests(AuditedServerFixture fixture) : IClassFixture<AuditedServerFixture>
{
    private const string Taizhou = "3310";
    private const string Linhai = "331082";
    private const string Huli = "350206";

    [Fact]
    public async Task SubmitRun_TableByACallerWithoutRunsSubmit_PermissionDeniedMissingScope()
    {
        using var reader = fixture.As(Callers.Unique("reader"), "ratings:read", "*");

        var outcome = await CallOutcome.Of(() => SubmitAsync(reader, Linhai, 2017, SmallRun.Records(Linhai)));

        Assert.Equal(StatusCode.PermissionDenied, outcome.Code);
        Assert.Equal("MISSING_SCOPE", outcome.Info?.Reason);
        Assert.Equal("runs:submit", outcome.Info?.Metadata["scope"]);
    }

    [Fact]
    public async Task SubmitRun_TableWithARowOfAForeignRegion_PermissionDeniedNamingTheRecordAsForRecords()
    {
        var records = SmallRun.Records(Linhai, count: 5, tag: "table");
        records[2].Region = Huli;
        using var taizhou = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, Taizhou);

        var asTable = await CallOutcome.Of(() => SubmitAsync(taizhou, Linhai, 2016, records));
        var asRecords = await CallOutcome.Of(() => Runs.SubmitRawAsync(new EvaluationService.EvaluationServiceClient(taizhou), [new SubmitRunRequest { Header = Runs.Header(Linhai, 2016) }, new SubmitRunRequest { Batch = new RecordBatch { Records = { records } } }]));

        Assert.Equal(StatusCode.PermissionDenied, asTable.Code);
        Assert.Equal("REGION_NOT_ALLOWED", asTable.Info?.Reason);
        Assert.Equal(Huli, asTable.Info?.Metadata["region"]);
        Assert.Equal("record[3].region", asTable.Info?.Metadata["field"]);
        Assert.Equal(asRecords.Info?.Metadata, asTable.Info?.Metadata);
        using var everywhere = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, "*");
        Assert.Empty((await new EvaluationService.EvaluationServiceClient(everywhere).ListRunsAsync(new ListRunsRequest { Region = Linhai, Year = 2016 })).Runs);
    }

    [Fact]
    public async Task SubmitRun_TableWithinTheCallersRegions_Stored()
    {
        using var taizhou = fixture.As(Callers.Unique("clerk"), Callers.ClerkScope, Taizhou);

        var run = (await SubmitAsync(taizhou, Linhai, 2015, SmallRun.Records(Linhai, count: 4, tag: "table"))).Run;

        Assert.Equal(4, run.RecordCount);
        Assert.Equal(RunState.Draft, run.State);
    }

    private static Task<SubmitRunResponse> SubmitAsync(GrpcChannel channel, string region, int year, List<EnterpriseRecord> records) =>
        Runs.SubmitRawAsync(new EvaluationService.EvaluationServiceClient(channel), TableParts.Messages(Runs.Header(region, year), TableParts.Utf8(TableParts.Csv(records)), 300));
}

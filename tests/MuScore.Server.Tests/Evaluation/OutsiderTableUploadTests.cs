using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Evaluation;

/// <summary>
/// A client that shares nothing with the server — Python, Debian's python3-grpcio, protobuf written
/// by hand (tests/outsider/table_client.py) — sends a CSV file as table parts and gets the run, and
/// the rejected rows, that a .NET client sending the same rows as records gets.
/// </summary>
public sealed class OutsiderTableUploadTests(ServerFixture fixture) : IClassFixture<ServerFixture>, IDisposable
{
    private const string Install = "the outsider table client needs python3 with Debian's python3-grpcio: apt-get install python3-grpcio (.ci/run installs it)";

    private readonly string file = Path.Combine(Path.GetTempPath(), $"muscore-outsider-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(file);

    [Fact]
    public async Task PythonGrpcClient_TableInSmallParts_SameRunAndRejectedRowsAsRecords()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, 2024, count: 40);
        records[6].Tax = "-1";
        records[30].CreditCode = Records.WithBadCheck(records[30].CreditCode);
        var expected = await Runs.SubmitAsync(fixture.Server.Evaluation, Runs.Header(region, 2024), records);
        await File.WriteAllBytesAsync(file, TableParts.Utf8WithBom(TableParts.Csv(records, "\r\n")));

        var lines = await OutsiderScript.RunAsync("table_client.py", string.Empty,
            ["--target", $"127.0.0.1:{fixture.Server.Port}", "--csv", file, "--region", region, "--year", "2024", "--part-bytes", "333"], Install);

        Assert.Equal(expected.RunId, lines["run"]);
        Assert.Equal("40", lines["records"]);
        Assert.Equal("7:8 31:32", lines["rejected"]);
    }

    [Fact]
    public async Task PythonGrpcClient_UnclosedQuote_InvalidArgumentOnTablePart()
    {
        var region = Regions.Next();
        var csv = TableParts.Csv(Records.Sample(region, 2024, count: 5)).Replace("\n91", "\n\"91", StringComparison.Ordinal);
        await File.WriteAllBytesAsync(file, TableParts.Utf8(csv));

        var lines = await OutsiderScript.RunAsync("table_client.py", string.Empty,
            ["--target", $"127.0.0.1:{fixture.Server.Port}", "--csv", file, "--region", region, "--year", "2024", "--part-bytes", "64"], Install);

        Assert.Equal("status=INVALID_ARGUMENT field=table_part reason=table_format", lines["error"]);
    }
}

using System.Globalization;
using Google.Protobuf;
using MuScore.Contracts.V1;
using MuScore.Server.Tests.Support;

namespace MuScore.Server.Tests.Evaluation;

/// <summary>SubmitRun of a CSV file as table parts: read as muscore rate reads it, rated as the same rows sent as records.</summary>
public sealed class SubmitRunTableTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private EvaluationService.EvaluationServiceClient Client => fixture.Server.Evaluation;

    [Fact]
    public async Task SubmitRun_SameRowsAsRecordsOrTableOfAnyEncodingAndPartSize_SameRunId()
    {
        var region = Regions.Next();
        var records = Chinese(Records.Sample(region, 2024, count: 25));
        var header = Runs.Header(region, 2024);

        var batched = await Runs.SubmitAsync(Client, header, records, batchSize: 7);
        var single = await Runs.SubmitAsync(Client, header, records, batchSize: 1);

        // Parts of 1 and 2 bytes end inside every multi-byte character and every CRLF; 3 and 5 inside some.
        List<(string Case, byte[] File, int PartBytes)> tables =
        [
            ("utf-8, LF, one part", TableParts.Utf8(TableParts.Csv(records)), 1 << 20),
            ("utf-8, LF, 1-byte parts", TableParts.Utf8(TableParts.Csv(records)), 1),
            ("utf-8 BOM, CRLF, 2-byte parts", TableParts.Utf8WithBom(TableParts.Csv(records, "\r\n")), 2),
            ("gb18030, CRLF, 3-byte parts", TableParts.Gb18030(TableParts.Csv(records, "\r\n")), 3),
            ("utf-16 LE BOM, CRLF, 5-byte parts", TableParts.Utf16LittleEndianWithBom(TableParts.Csv(records, "\r\n")), 5),
        ];
        foreach (var (name, file, partBytes) in tables)
        {
            var table = await TableParts.SubmitAsync(Client, header, file, partBytes);

            Assert.True(batched.RunId == table.RunId, $"{name}: run {table.RunId}, records gave {batched.RunId}");
            Assert.Equal(batched.InputHash, table.InputHash);
            Assert.Equal(25, table.RecordCount);
        }

        Assert.Equal(batched.RunId, single.RunId);
    }

    [Fact]
    public async Task SubmitRun_TableWithBadRows_RejectsThemAsTheRecordPathDoesWithTheirFileRows()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, 2024, count: 20);
        records[4].CreditCode = Records.WithBadCheck(records[4].CreditCode);
        records[9].Tax = "-5";
        records[12].Region = "110101";
        records[15].CreditCode = records[17].CreditCode;
        records[7] = new EnterpriseRecord();
        var header = Runs.Header(region, 2024);

        var asRecords = await Runs.SubmitAsync(Client, header, records, batchSize: 6);

        // A title row and a blank line above the header: the header is row 3, record n is row n + 3.
        var csv = TableParts.Csv(records, above: ["2024年 亩均效益评价 企业数据", string.Empty]);
        var asTable = await TableParts.SubmitAsync(Client, header, TableParts.Utf8(csv), partBytes: 100);

        Assert.Equal(asRecords.RunId, asTable.RunId);
        Assert.Equal([5, 8, 10, 13, 16, 18], asTable.Rejected.Select(r => r.RecordNumber));
        Assert.Equal(asTable.Rejected.Select(r => r.RecordNumber + 3), asTable.Rejected.Select(r => r.Row));
        Assert.All(asRecords.Rejected, r => Assert.Equal(0, r.Row));
        Assert.Equal(asRecords.Rejected, asTable.Rejected.Select(r => r.Clone()).Select(r =>
        {
            r.Row = 0;
            return r;
        }));
        Assert.Contains(asTable.Rejected[1].Violations, v => v is { Field: "", Rule: "blank_row" });
        Assert.Contains(asTable.Rejected[4].Violations, v => v.Rule == "duplicate_credit_code" && v.Description.EndsWith("also in row(s) 19", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubmitRun_RowWithCellsRightOfTheHeader_RejectedAsExtraCellsAsRateDoes()
    {
        var region = Regions.Next();
        var lines = TableParts.Csv(Records.Sample(region, 2024, count: 6)).Split('\n');
        lines[3] += ",1,234";

        var run = await TableParts.SubmitAsync(Client, Runs.Header(region, 2024), TableParts.Utf8(string.Join('\n', lines)));

        var rejected = Assert.Single(run.Rejected);
        Assert.Equal((3, 4), (rejected.RecordNumber, rejected.Row));
        Assert.Contains(rejected.Violations, v => v.Rule == "extra_cells" && v.Description.Contains("2 non-blank cells", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unclosed quote", "row 4, column 2")]
    [InlineData("missing column", "(row 1) lacks the required column tax")]
    [InlineData("bad utf-8", "(around row 3)")]
    [InlineData("xlsx", "only CSV text is accepted")]
    [InlineData("header only", "no data rows")]
    public async Task SubmitRun_TableThatCannotBeRead_InvalidArgumentOnTablePartNamingRowAndColumn(string problem, string named)
    {
        var region = Regions.Next();
        var csv = TableParts.Csv(Records.Sample(region, 2024, count: 5));
        var file = problem switch
        {
            "unclosed quote" => TableParts.Utf8(string.Join('\n', csv.Split('\n').Select((line, i) => i == 3 ? line.Insert(line.IndexOf(',', StringComparison.Ordinal) + 1, "\"") : line))),
            "missing column" => TableParts.Utf8(csv.Replace(",tax,", ",taxes,", StringComparison.Ordinal)),
            "bad utf-8" => [.. TableParts.Utf8WithBom(string.Join('\n', csv.Split('\n').Take(2)) + "\n"), 0xC3, 0x28, .. TableParts.Utf8(string.Join('\n', csv.Split('\n').Skip(2)))],
            "xlsx" => [0x50, 0x4B, 0x03, 0x04, .. new byte[2000]],
            _ => TableParts.Utf8(csv.Split('\n')[0] + "\n\n"),
        };

        var violations = await RpcAssert.InvalidArgument(() => Runs.SubmitRawAsync(Client, TableParts.Messages(Runs.Header(region, 2024), file, 7)));

        RpcAssert.HasViolation(violations, "table_part", "table_format");
        Assert.Contains(named, violations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitRun_TablePartsAndRecordsInOneCall_InvalidArgumentMixed()
    {
        var region = Regions.Next();
        var records = Records.Sample(region, 2024, count: 4);
        var table = new SubmitRunRequest { TablePart = ByteString.CopyFrom(TableParts.Utf8(TableParts.Csv(records))) };
        var batch = new SubmitRunRequest { Batch = new RecordBatch { Records = { records } } };

        var tableFirst = await RpcAssert.InvalidArgument(() => Runs.SubmitRawAsync(Client, [new SubmitRunRequest { Header = Runs.Header(region, 2024) }, table, batch]));
        var recordsFirst = await RpcAssert.InvalidArgument(() => Runs.SubmitRawAsync(Client, [new SubmitRunRequest { Header = Runs.Header(region, 2024) }, batch, table]));

        RpcAssert.HasViolation(tableFirst, "item", "mixed");
        RpcAssert.HasViolation(recordsFirst, "item", "mixed");
        Assert.Contains("message 3", tableFirst[0].Description, StringComparison.Ordinal);
    }

    /// <summary>Names with Chinese characters and a comma, so the files hold multi-byte characters and quoted cells.</summary>
    private static List<EnterpriseRecord> Chinese(List<EnterpriseRecord> records)
    {
        for (var i = 0; i < records.Count; i++)
        {
            records[i].Name = string.Create(CultureInfo.InvariantCulture, $"临海市第{i}号企业有限公司, \"测试\"");
        }

        return records;
    }
}

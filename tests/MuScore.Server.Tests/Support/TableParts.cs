using System.Text;
using Google.Protobuf;
using MuScore.Contracts.V1;
using MuScore.Core.Records;
using EnterpriseRecord = MuScore.Contracts.V1.EnterpriseRecord;

namespace MuScore.Server.Tests.Support;

/// <summary>Proto records written as a CSV file, and a file sent as SubmitRun table parts of a given size.</summary>
internal static class TableParts
{
    /// <summary>The header row (the canonical English names) and one line per record, cells quoted where CSV needs it.</summary>
    public static string Csv(IEnumerable<EnterpriseRecord> records, string newline = "\n", IEnumerable<string>? above = null)
    {
        var text = new StringBuilder();
        foreach (var line in above ?? [])
        {
            text.Append(line).Append(newline);
        }

        text.AppendJoin(',', FieldCatalog.All.Select(f => f.Name)).Append(newline);
        foreach (var record in records)
        {
            text.AppendJoin(',', FieldCatalog.All.Select(f => Quoted(EnterpriseRecordFields.Get(record, f.Field)))).Append(newline);
        }

        return text.ToString();
    }

    /// <summary>The header, then the file in parts of <paramref name="partBytes"/> bytes (the last one shorter).</summary>
    public static List<SubmitRunRequest> Messages(RunHeader header, byte[] file, int partBytes) =>
        [new SubmitRunRequest { Header = header }, .. file.Chunk(partBytes).Select(part => new SubmitRunRequest { TablePart = ByteString.CopyFrom(part) })];

    /// <summary>Submits the file in parts of <paramref name="partBytes"/>; the server's answer.</summary>
    public static async Task<Run> SubmitAsync(EvaluationService.EvaluationServiceClient client, RunHeader header, byte[] file, int partBytes = 64 * 1024) =>
        (await Runs.SubmitRawAsync(client, Messages(header, file, partBytes))).Run;

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Utf8WithBom(string text) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

    public static byte[] Utf16LittleEndianWithBom(string text) => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)];

    public static byte[] Gb18030(string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030").GetBytes(text);
    }

    private static string Quoted(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
